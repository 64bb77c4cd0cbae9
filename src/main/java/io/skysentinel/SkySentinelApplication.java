package io.skysentinel;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class SkySentinelApplication {
    public static void main(String[] args) {
        SpringApplication.run(SkySentinelApplication.class, args);
    }
}
