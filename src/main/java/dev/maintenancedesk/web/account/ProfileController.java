package dev.maintenancedesk.web.account;

import dev.maintenancedesk.accounts.ApiTokens;
import dev.maintenancedesk.accounts.PasswordChangeGate;
import dev.maintenancedesk.accounts.TokenScope;
import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.accounts.Users;
import dev.maintenancedesk.problem.DeskProblem;
import dev.maintenancedesk.problem.InvalidInput;
import dev.maintenancedesk.web.UiProblem;
import dev.maintenancedesk.web.Viewer;
import java.io.Serializable;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /profile}: the user's language and time zone (every page follows them) and their personal API
 * tokens, whose secret is shown once, right after creation.
 */
@Controller
class ProfileController {

    /** Region zones only (Europe/Paris, America/New_York…): offsets and legacy aliases ignore daylight saving. */
    static final List<String> ZONES = ZoneId.getAvailableZoneIds().stream()
            .filter(z -> z.contains("/") && z.matches("(Africa|America|Antarctica|Arctic|Asia|Atlantic|Australia|Europe|Indian|Pacific)/.*"))
            .sorted().toList();

    private final Users users;
    private final ApiTokens tokens;
    private final Viewer viewer;
    private final LocaleResolver locales;

    ProfileController(Users users, ApiTokens tokens, Viewer viewer, LocaleResolver locales) {
        this.users = users;
        this.tokens = tokens;
        this.viewer = viewer;
        this.locales = locales;
    }

    /** The values of a refused profile form, shown again instead of the stored ones. */
    record Draft(String displayName, String email, String language, String timeZone) implements Serializable {}

    @GetMapping("/profile")
    String profile(Model model) {
        UserAccount me = me();
        model.addAttribute("me", me);
        if (!model.containsAttribute("draft")) {
            model.addAttribute("draft", new Draft(me.displayName(), me.email(), me.language(), viewer.zone().getId()));
        }
        model.addAttribute("zones", ZONES);
        model.addAttribute("zone", viewer.zone().getId());
        model.addAttribute("tokens", tokens.list(me.username()));
        model.addAttribute("scopes", TokenScope.grantable(me.role()));
        return "profile";
    }

    @PostMapping("/profile")
    String update(@RequestParam(required = false) String displayName, @RequestParam(required = false) String email,
            @RequestParam String language, @RequestParam String timeZone, HttpServletRequest request,
            HttpServletResponse response, RedirectAttributes redirect) {
        UserAccount me = me();
        try {
            users.updateProfile(me.username(), displayName, email, language, timeZone);
            // The language chosen here wins over an earlier ?lang= choice remembered in the cookie.
            locales.setLocale(request, response, Locale.forLanguageTag(language));
            redirect.addFlashAttribute("notice", "profile.saved");
        } catch (InvalidInput refused) {
            // The accounts module's rules, as for the API; the form comes back with what was typed.
            redirect.addFlashAttribute("profileProblem", UiProblem.of(refused));
            redirect.addFlashAttribute("draft", new Draft(displayName, email, language, timeZone));
        }
        return "redirect:/profile";
    }

    @PostMapping("/profile/tokens")
    String createToken(@RequestParam(defaultValue = "") String name, @RequestParam(required = false) String scope,
            Authentication authentication, RedirectAttributes redirect) {
        ApiTokens.NewToken token;
        try {
            token = tokens.create(authentication, name, scope);
        } catch (InvalidInput refused) {
            // The accounts module's rules, as for the API: each refused field is shown by its box.
            redirect.addFlashAttribute("tokenProblem", UiProblem.of(refused));
            return "redirect:/profile#tokens";
        }
        redirect.addFlashAttribute("newTokenName", token.name());
        redirect.addFlashAttribute("newTokenSecret", token.token());
        return "redirect:/profile#tokens";
    }

    @PostMapping("/profile/tokens/{id}/revoke")
    String revoke(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute("notice", tokens.revoke(me().username(), id) ? "profile.tokens.revoked"
                : "profile.tokens.unknown");
        return "redirect:/profile#tokens";
    }

    /**
     * The page a user with a temporary password is kept on until they choose their own (the accounts
     * module's {@link PasswordChangeGate} sends them here); anyone may open it.
     */
    @GetMapping(PasswordChangeGate.PAGE)
    String passwordPage(Model model) {
        UserAccount me = me();
        model.addAttribute("me", me);
        model.addAttribute("temporary", users.mustChangePassword(me.username()));
        return "password";
    }

    /**
     * The user's own password change, from the profile or the page above. The accounts module decides
     * everything (current password, policy, the new one twice, the pause after wrong ones); a refusal
     * comes back next to the form. The other sessions of the user end; this one stays.
     */
    @PostMapping(PasswordChangeGate.PAGE)
    String changePassword(@RequestParam(required = false) String currentPassword,
            @RequestParam(required = false) String newPassword, @RequestParam(required = false) String confirmPassword,
            HttpServletRequest request, RedirectAttributes redirect) {
        UserAccount me = me();
        boolean temporary = users.mustChangePassword(me.username());   // where a refusal comes back
        try {
            users.changeOwnPassword(me.username(), currentPassword, newPassword,
                    confirmPassword == null ? "" : confirmPassword, request.getSession().getId(), request.getRemoteAddr());
        } catch (DeskProblem refused) {
            // InvalidInput (fields at fault) or TooManyAttempts (wait); never a password in the flash.
            redirect.addFlashAttribute("passwordProblem", UiProblem.of(refused));
            return temporary ? "redirect:" + PasswordChangeGate.PAGE : "redirect:/profile#password";
        }
        // The profile says it is done (the home page shows no notices), with the navigation to go on.
        redirect.addFlashAttribute("notice", "password.changed");
        return "redirect:/profile#password";
    }

    private UserAccount me() {
        return viewer.account().filter(UserAccount::enabled)
                .orElseThrow(() -> new AccessDeniedException("no account"));
    }
}
