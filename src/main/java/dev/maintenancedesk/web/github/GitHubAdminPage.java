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
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;
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
    private static final Pattern NOTE = Pattern.compile("([a-z-]+)(?:\\|(.*))?", Pattern.DOTALL);

    private final Deliveries deliveries;
    private final GitHubSettings settings;
    private final Viewer viewer;
    private final MessageSource messages;

    GitHubAdminPage(Deliveries deliveries, GitHubSettings settings, Viewer viewer, MessageSource messages) {
        this.messages = messages;
        this.deliveries = deliveries;
        this.settings = settings;
        this.viewer = viewer;
    }

    @GetMapping("/admin/github")
    String page(@RequestParam(name = "status", required = false) String status, Model model, Locale locale) {
        requireAdmin();
        Delivery.Status wanted = status(status);
        model.addAttribute("deliveries", deliveries.latest(wanted, SHOWN).stream()
                .map(d -> new Row(d, note(d.error(), locale))).toList());
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

    /** A delivery and its note (why it was ignored, or the error) in the reader's language. */
    record Row(Delivery delivery, String note) {}

    /** {@code code|arg} notes of the github module are worded from the bundle; an error's text is shown as is. */
    private String note(String error, Locale locale) {
        if (error == null) {
            return "";
        }
        Matcher m = NOTE.matcher(error);
        if (!m.matches()) {
            return error;
        }
        return messages.getMessage("github.note." + m.group(1), new Object[] {m.group(2) == null ? "" : m.group(2)},
                error, locale);
    }

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
