package dev.maintenancedesk.plan;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Loads and validates a plan. Plain Java on purpose: the CLI validates plans without starting Spring.
 *
 * @throws InvalidPlanException when the plan is read but wrong (every problem, one line each)
 * @throws PlanUnreadableException when the file cannot be read at all
 */
public final class PlanLoader {

    /** The classpath location of the default plan, the CESIZen seed plan. */
    public static final String DEFAULT_PLAN = "plans/cesizen.yaml";

    private PlanLoader() {}

    public static Plan load(Path file) {
        if (Files.isDirectory(file)) {
            throw new PlanUnreadableException("cannot read plan " + file + ": it is a directory", null);
        }
        String yaml;
        try {
            yaml = Files.readString(file, StandardCharsets.UTF_8);
        } catch (CharacterCodingException e) {
            throw new PlanUnreadableException("cannot read plan " + file + ": not UTF-8 text", e);
        } catch (IOException e) {
            throw new PlanUnreadableException("cannot read plan " + file + ": "
                    + (Files.exists(file) ? e.getClass().getSimpleName() + " " + e.getMessage() : "no such file"), e);
        }
        return parse(yaml, file.toString());
    }

    public static Plan loadDefault() {
        try (InputStream in = PlanLoader.class.getClassLoader().getResourceAsStream(DEFAULT_PLAN)) {
            if (in == null) {
                throw new IllegalStateException("the default plan " + DEFAULT_PLAN + " is missing from the classpath");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "classpath:" + DEFAULT_PLAN);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Loads {@code file} when given, else the default plan. */
    public static Plan loadOrDefault(Path file) {
        return file == null ? loadDefault() : load(file);
    }

    /** Parses plan text; {@code source} names it in messages. */
    public static Plan parse(String yaml, String source) {
        return PlanReader.read(yaml, source);
    }
}
