package dev.maintenancedesk;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.modulith.Modulithic;

/** The server face; {@code desk serve} starts it, every other command runs without it. */
@SpringBootApplication
@Modulithic(systemName = "Maintenance Desk")
public class DeskApplication {

    public static void main(String[] args) {
        SpringApplication.run(DeskApplication.class, args);
    }
}
