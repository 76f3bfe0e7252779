package dev.maintenancedesk.accounts;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

class ActorTest {

    @Test
    void usersHoldTheirRoleAndEveryRoleBelowAndTheActorIsTheirRealRole() {
        for (Role role : Role.values()) {
            var authentication = UsernamePasswordAuthenticationToken.authenticated("u", null,
                    SecurityConfiguration.authorities(role));

            assertThat(Actor.of(authentication)).isEqualTo(new Actor("u", role));
            assertThat(authentication.getAuthorities()).hasSize(role.ordinal() + 1);
        }
        assertThat(SecurityConfiguration.authorities(Role.LEAD)).extracting(a -> a.getAuthority())
                .containsExactly("ROLE_REPORTER", "ROLE_DEVELOPER", "ROLE_LEAD");
    }
}
