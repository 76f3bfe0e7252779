package dev.maintenancedesk.web.github;

import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.github.Deliveries;
import dev.maintenancedesk.github.Delivery;
import dev.maintenancedesk.github.GitHubSettings;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.web.Viewer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/github}: the latest webhook deliveries (event, action, status, error, received) with a
 * "Rejouer" button that applies a stored delivery again. Administrators only.
 */
@Controller
class GitHubAdminPage {

    private static final int SHOWN = 100;

    private final Deliveries deliveries;
    private final GitHubSettings settings;
    private final Viewer viewer;

    GitHubAdminPage(Deliveries deliveries, GitHubSettings settings, Viewer viewer) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.viewer = viewer;
    }

    @GetMapping("/admin/github")
    String page(@RequestParam(name = "status", required = false) String status, Model model) {
        requireAdmin();
        Delivery.Status wanted = status(status);
        model.addAttribute("deliveries", deliveries.latest(wanted, SHOWN));
        model.addAttribute("status", wanted == null ? "" : wanted.name());
        model.addAttribute("statuses", Arrays.stream(Delivery.Status.values()).map(Enum::name).toList());
        model.addAttribute("counts", Arrays.stream(Delivery.Status.values())
                .map(s -> new Count(s.name(), deliveries.count(s))).toList());
        model.addAttribute("repository", settings.repository());
        model.addAttribute("writesBack", settings.writesBack());
        return "admin/github";
    }

    @PostMapping("/admin/github/deliveries/{id}/replay")
    String replay(@PathVariable String id, RedirectAttributes redirect) {
        requireAdmin();
        deliveries.replay(id);
        redirect.addFlashAttribute("replayed", id);
        return "redirect:/admin/github";
    }

    record Count(String status, long count) {}

    private void requireAdmin() {
        if (!viewer.atLeast(Role.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
    }

    private static Delivery.Status status(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Delivery.Status.valueOf(value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidInput.of(FieldError.of("status", "unknown-status", "is not one of "
                    + List.of(Delivery.Status.values()), value));
        }
    }
}
