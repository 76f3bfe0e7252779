package dev.maintenancedesk.web.account;

import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.problem.DeskProblem;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.Viewer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /admin/users}, for administrators only: the users, their roles, and enabling or disabling them.
 * The accounts module checks every value, as for the API; a refusal comes back next to the form that
 * caused it, with the values typed kept.
 */
@Controller
class AdminUsersController {

    private final Users users;
    private final Viewer viewer;

    AdminUsersController(Users users, Viewer viewer) {
        this.users = users;
        this.viewer = viewer;
    }

    /** Runs before every handler of this controller: nobody but an administrator gets further. */
    @ModelAttribute
    void onlyAdmins() {
        if (!viewer.atLeast(Role.ADMIN)) {
            throw new AccessDeniedException("administrators only");
        }
    }

    @GetMapping("/admin/users")
    String list(Model model) {
        model.addAttribute("users", users.all());
        model.addAttribute("roles", Role.values());
        return "admin/users";
    }

    @PostMapping("/admin/users")
    String create(@RequestParam String username, @RequestParam(required = false) String displayName,
            @RequestParam(required = false) String email, @RequestParam Role role, @RequestParam String password,
            RedirectAttributes redirect) {
        try {
            users.create(username, displayName, email, role, password);
            redirect.addFlashAttribute("notice", "admin.created");
            redirect.addFlashAttribute("noticeUser", username);
        } catch (DeskProblem refused) {
            redirect.addFlashAttribute("createProblem", UiProblem.of(refused));
            Map<String, String> draft = new LinkedHashMap<>();
            draft.put("username", username);
            draft.put("displayName", displayName);
            draft.put("email", email);
            draft.put("role", role.name());
            redirect.addFlashAttribute("draft", draft);
            return "redirect:/admin/users#h-create";
        }
        return "redirect:/admin/users";
    }

    @PostMapping("/admin/users/{username}/role")
    String changeRole(@PathVariable String username, @RequestParam Role role, RedirectAttributes redirect) {
        try {
            users.changeRole(username, role);
            return done(redirect, "admin.roleChanged", username);
        } catch (DeskProblem refused) {
            return refused(redirect, refused);
        }
    }

    @PostMapping("/admin/users/{username}/enabled")
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        try {
            if (enabled) {
                users.enable(username);
            } else {
                users.disable(username);
            }
            return done(redirect, enabled ? "admin.enabled" : "admin.disabled", username);
        } catch (DeskProblem refused) {
            return refused(redirect, refused);
        }
    }

    /**
     * An administrator sets a temporary password ({@code password}), or has one generated ({@code generate}),
     * shown once; the user chooses their own at next login. The accounts module checks the password.
     */
    @PostMapping("/admin/users/password")
    String resetPassword(@RequestParam String username, @RequestParam(required = false) String password,
            @RequestParam(defaultValue = "false") boolean generate, RedirectAttributes redirect) {
        try {
            if (generate) {
                redirect.addFlashAttribute("temporaryPassword", users.resetPasswordGenerated(username));
            } else {
                users.resetPassword(username, password == null ? "" : password);
            }
            redirect.addFlashAttribute("resetUser", username);
            done(redirect, "admin.reset.done", username);
            return "redirect:/admin/users#h-reset";
        } catch (DeskProblem refused) {
            redirect.addFlashAttribute("resetProblem", UiProblem.of(refused));
            redirect.addFlashAttribute("resetUser", username);
            return "redirect:/admin/users#h-reset";
        }
    }

    private static String done(RedirectAttributes redirect, String notice, String username) {
        redirect.addFlashAttribute("notice", notice);
        redirect.addFlashAttribute("noticeUser", username);
        return "redirect:/admin/users";
    }

    private static String refused(RedirectAttributes redirect, DeskProblem refused) {
        redirect.addFlashAttribute("adminProblem", UiProblem.of(refused));
        return "redirect:/admin/users";
    }
}
