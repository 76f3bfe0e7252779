package dev.maintenancedesk.web.account;

import dev.maintenancedesk.accounts.AccountConflictException;
import dev.maintenancedesk.accounts.Role;
import dev.maintenancedesk.accounts.UnknownUserException;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.web.Viewer;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /admin/users}, for administrators only: the users, their roles, and enabling or disabling them. */
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
        return act(redirect, "admin.created", username, () -> users.create(username, displayName,
                email == null || email.isBlank() ? null : email, role, password));
    }

    @PostMapping("/admin/users/{username}/role")
    String changeRole(@PathVariable String username, @RequestParam Role role, RedirectAttributes redirect) {
        return act(redirect, "admin.roleChanged", username, () -> users.changeRole(username, role));
    }

    @PostMapping("/admin/users/{username}/enabled")
    String setEnabled(@PathVariable String username, @RequestParam boolean enabled, RedirectAttributes redirect) {
        return act(redirect, enabled ? "admin.enabled" : "admin.disabled", username,
                () -> enabled ? users.enable(username) : users.disable(username));
    }

    private static String act(RedirectAttributes redirect, String notice, String username, Supplier<?> action) {
        try {
            action.get();
            redirect.addFlashAttribute("notice", notice);
            redirect.addFlashAttribute("noticeUser", username);
        } catch (IllegalArgumentException | AccountConflictException | UnknownUserException e) {
            redirect.addFlashAttribute("adminError", e.getMessage());
        }
        return "redirect:/admin/users";
    }
}
