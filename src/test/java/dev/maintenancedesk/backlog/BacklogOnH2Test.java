package dev.maintenancedesk.backlog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.maintenancedesk.DeskTest;
import dev.maintenancedesk.accounts.Actor;
import dev.maintenancedesk.plan.TicketType;
import dev.maintenancedesk.preventive.PreventiveTicketOpened;
import dev.maintenancedesk.tickets.LinkKind;
import dev.maintenancedesk.tickets.NewTicket;
import dev.maintenancedesk.tickets.TicketLink;
import dev.maintenancedesk.tickets.Tickets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The review's SQL (insert-if-absent, row locks, the snapshot) on the embedded H2 default as well. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"server.shutdown=immediate", "spring.datasource.username=", "spring.datasource.password=",
                "DESK_ADMIN_PASSWORD=" + DeskTest.ADMIN_PASSWORD, "DESK_ADMIN_TOKEN=" + DeskTest.ADMIN_TOKEN})
class BacklogOnH2Test {

    @TempDir
    static Path dataDirectory;

    @DynamicPropertySource
    static void h2File(DynamicPropertyRegistry registry) {
        registry.add("spring.datasource.url", () -> "jdbc:h2:file:" + dataDirectory.resolve("desk").toAbsolutePath()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;AUTO_SERVER=FALSE");
    }

    @Autowired
    BacklogReviews reviews;

    @Autowired
    Tickets tickets;

    @Test
    void scoresDependenciesDecisionsAndMinutesOnH2() {
        Actor admin = new Actor("admin", dev.maintenancedesk.accounts.Role.ADMIN);
        long a = tickets.create(new NewTicket("Export", null, TicketType.EVOLUTIVE, null, List.of(), null, null, null,
                null, null), admin).number();
        long b = tickets.create(new NewTicket("Dette", null, TicketType.CORRECTIVE, null, List.of("tech-debt"), null,
                null, null, null, null), admin).number();
        reviews.score(a, 5, 5, admin);
        reviews.score(a, null, 4, admin);
        reviews.score(b, 1, 1, admin);
        Backlog ordered = reviews.addDependency(b, a, admin);
        assertThat(ordered.items()).extracting(BacklogItem::number).containsExactly(b, a);
        assertThat(ordered.item(a).score()).isEqualTo(20);
        reviews.decide(reviews.currentMonth(), a, Decision.KEEP, null, admin);
        reviews.decide(reviews.currentMonth(), a, Decision.PLAN, "2.0.0", admin);
        reviews.attend(reviews.currentMonth(), reviews.today(), List.of("admin", "admin"), admin);
        reviews.attend(reviews.currentMonth(), reviews.today(), List.of("admin"), admin);
        long meeting = tickets.create(new NewTicket("Revue backlog", null, TicketType.PREVENTIVE, null, List.of(), null,
                null, null, null, null), admin).number();
        reviews.linkReviewTicket(new PreventiveTicketOpened(BacklogReviews.PREVENTIVE_ACTION,
                reviews.currentMonth().toString(), meeting));
        Minutes minutes = reviews.minutes(reviews.currentMonth()).orElseThrow();
        assertThat(minutes.attendees()).containsExactly("admin");
        assertThat(minutes.decisions()).singleElement().satisfies(d -> assertThat(d.release()).isEqualTo("2.0.0"));
        assertThat(minutes.reviewTicket()).isEqualTo(meeting);
        assertThat(reviews.minutesMarkdown(reviews.currentMonth(), "en")).contains("| Plan for 2.0.0 |", "blocks #" + a,
                "`tech-debt` tickets: 1 of 2 (50 %)");
        assertThat(tickets.link(a, new TicketLink(LinkKind.RELATES_TO, "#" + b, null), admin).links()).hasSize(1);
    }
}
