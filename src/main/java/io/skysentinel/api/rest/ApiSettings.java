package io.skysentinel.api.rest;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param refreshWait the longest POST /api/flights/refresh waits for the upstream (its timeout) */
@ConfigurationProperties(prefix = "skysentinel.api")
public record ApiSettings(@DefaultValue("10s") Duration refreshWait) {}
