package dev.maintenancedesk.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reading the inputs of the commit and release commands; every failure is a one-line usage error. */
final class CliInput {

    private CliInput() {}

    /** Strict UTF-8: invalid bytes are an error naming their offset, never replacement characters. */
    static String utf8(byte[] bytes, String what) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new Desk.UsageException(what + " is not valid UTF-8 (byte " + firstInvalid(bytes) + ")");
        }
    }

    private static int firstInvalid(byte[] bytes) {
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        var out = java.nio.CharBuffer.allocate(bytes.length + 1);
        decoder.decode(in, out, true);
        return in.position();
    }

    static String readFile(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new Desk.UsageException("cannot read " + file + ": it is a directory");
            }
            return utf8(Files.readAllBytes(file), file.toString());
        } catch (NoSuchFileException e) {
            throw new Desk.UsageException("cannot read " + file + ": no such file");
        } catch (IOException e) {
            throw new Desk.UsageException("cannot read " + file + ": " + e.getMessage());
        }
    }

    static byte[] readAll(InputStream in) {
        try {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new Desk.UsageException("cannot read stdin: " + e.getMessage());
        }
    }
}
