package io.latchkey.web;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Limits on what any request may carry.
 *
 * @param maxRequestBody the largest request body accepted anywhere; larger ones get 413
 */
@ConfigurationProperties("latchkey.web")
record WebSettings(@DefaultValue("64KB") DataSize maxRequestBody) {

}
