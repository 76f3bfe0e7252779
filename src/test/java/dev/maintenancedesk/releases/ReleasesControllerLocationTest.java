package dev.maintenancedesk.releases;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RestController;

/** The releases module answers the API from releases.web; its HTML page belongs to the web module. */
class ReleasesControllerLocationTest {

    private final JavaClasses releases = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.maintenancedesk.releases");

    @Test
    void noHtmlPageInTheReleasesModule() {
        noClasses().should().beAnnotatedWith(Controller.class).check(releases);
    }

    @Test
    void restControllersLiveInReleasesWeb() {
        classes().that().areAnnotatedWith(RestController.class).should().resideInAPackage("dev.maintenancedesk.releases.web")
                .check(releases);
    }
}
