package dev.maintenancedesk.watch;

import dev.maintenancedesk.plan.Plan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The product's dependencies, read from the plan's dependency files in the product's clone
 * ({@code DESK_PRODUCT_REPOSITORY}). Each file is read on its own and its outcome recorded under the key
 * {@code file:<path>}: a file that is missing or does not parse is an error of that file, the others count.
 */
@Component
class ProductDependencies {

    static final String FILE_PREFIX = "file:";

    private final Plan plan;
    private final WatchStore store;
    private final Clock clock;
    private final String repository;

    ProductDependencies(Plan plan, WatchStore store, Clock clock,
            @Value("${desk.watch.product-repository:}") String repository) {
        this.plan = plan;
        this.store = store;
        this.clock = clock;
        this.repository = repository == null ? "" : repository.strip();
    }

    boolean configured() {
        return !repository.isEmpty();
    }

    String repository() {
        return repository;
    }

    List<Dependency> read() {
        return read(repository.isEmpty() ? null : Path.of(repository), plan.watch().dependencyFiles());
    }

    List<Dependency> read(Path clone, List<String> files) {
        List<Dependency> all = new ArrayList<>();
        if (clone == null) {
            return all;
        }
        for (String file : files) {
            String key = FILE_PREFIX + file;
            try {
                if (!Files.isDirectory(clone)) {
                    throw new DependencyFiles.Unreadable("notDirectory", file + ": the product repository " + clone
                            + " is not a directory", file, clone);
                }
                List<Dependency> deps = DependencyFiles.read(clone, file);
                store.recordSuccess(key, "OK", null, null, deps.size(), clock.instant());
                all.addAll(deps);
            } catch (DependencyFiles.Unreadable e) {
                store.recordFailure(key, e.getMessage(), "file." + e.code, e.args, null, clock.instant());
            } catch (RuntimeException e) {
                store.recordFailure(key, file + ": " + e.getClass().getSimpleName() + " while reading", "file.unreadable",
                        List.of(file, e.getClass().getSimpleName()), null, clock.instant());
            }
        }
        return all;
    }
}
