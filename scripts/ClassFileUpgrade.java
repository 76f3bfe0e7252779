import java.io.IOException;
import java.lang.classfile.ClassFile;
import java.lang.classfile.ClassFileVersion;
import java.lang.classfile.ClassTransform;
import java.lang.classfile.CodeTransform;
import java.lang.classfile.ClassHierarchyResolver;
import java.lang.classfile.ClassModel;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the Java 5 class files of a jar as Java 8 ones with stack maps (JDK 24+ class-file API), in
 * place. Class-data sharing and the AOT cache skip pre-Java-6 classes, so picocli (built for Java 5)
 * was loaded, verified the old way and interpreted on every ./desk run. Usage: java ClassFileUpgrade.java JAR
 */
public class ClassFileUpgrade {
    public static void main(String[] args) throws IOException {
        Path jar = Path.of(args[0]);
        Path tmp = Files.createTempFile(jar.getParent(), "upgrade", ".jar");
        try (ZipFile in = new ZipFile(jar.toFile());
                URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null);
                ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(tmp))) {
            ClassFile cf = ClassFile.of(ClassFile.StackMapsOption.GENERATE_STACK_MAPS,
                    ClassFile.ClassHierarchyResolverOption.of(ClassHierarchyResolver.defaultResolver()
                            .orElse(ClassHierarchyResolver.ofClassLoading(loader))));
            var entries = in.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                byte[] bytes = in.getInputStream(e).readAllBytes();
                if (e.getName().endsWith(".class")) {
                    ClassModel model = cf.parse(bytes);
                    if (model.majorVersion() < ClassFile.JAVA_6_VERSION) {
                        // rebuilding every method body makes the API compute its stack map frames
                        bytes = cf.transformClass(model, ClassTransform.dropping(el -> el instanceof ClassFileVersion)
                                .andThen(ClassTransform.transformingMethodBodies(CodeTransform.ACCEPT_ALL))
                                .andThen(ClassTransform.endHandler(b -> b.withVersion(ClassFile.JAVA_8_VERSION, 0))));
                    }
                }
                out.putNextEntry(new ZipEntry(e.getName()));
                out.write(bytes);
                out.closeEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tmp);
            throw e;
        }
        Files.move(tmp, jar, StandardCopyOption.REPLACE_EXISTING);
    }
}
