package dev.maintenancedesk.web;

import dev.maintenancedesk.accounts.UserAccount;
import dev.maintenancedesk.notify.NotificationKind;
import dev.maintenancedesk.notify.NotificationPreferences;
import dev.maintenancedesk.problem.FieldError;
import dev.maintenancedesk.problem.InvalidInput;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** {@code /profile/notifications}: which personal e-mails the signed-in user receives, each kind on or off. */
@Controller
class NotificationSettingsPage {

    private final NotificationPreferences preferences;
    private final Viewer viewer;

    NotificationSettingsPage(NotificationPreferences preferences, Viewer viewer) {
        this.preferences = preferences;
        this.viewer = viewer;
    }

    @GetMapping("/profile/notifications")
    String show(Model model) {
        String me = viewer.actor().username();
        model.addAttribute("preferences", preferences.of(me));
        model.addAttribute("hasEmail", viewer.account().map(UserAccount::email).filter(e -> !e.isBlank()).isPresent());
        return "notifications";
    }

    /** The checked boxes are the kinds kept on; an unknown kind is a 400, nothing saved. */
    @PostMapping("/profile/notifications")
    String save(@RequestParam(name = "kind", required = false) List<String> kinds, RedirectAttributes redirect) {
        Set<NotificationKind> on = EnumSet.noneOf(NotificationKind.class);
        for (String kind : kinds == null ? List.<String>of() : kinds) {
            NotificationKind known = Arrays.stream(NotificationKind.values()).filter(k -> k.name().equals(kind))
                    .findFirst().orElseThrow(() -> InvalidInput.of(FieldError.of("kind", "not-one-of",
                            "\"" + kind + "\" is not a notification kind", kind, Arrays.stream(NotificationKind.values())
                                    .map(Enum::name).collect(Collectors.joining(", ")))));
            on.add(known);
        }
        preferences.set(viewer.actor().username(), on);
        redirect.addFlashAttribute("notice", "words.notifications.saved");
        return "redirect:/profile/notifications";
    }
}
