package io.latchkey.identity;

import java.time.Instant;

/**
 * The directory could not be asked during a sign-in.
 *
 * @param directory the directory's configured name
 * @param failure the kind of failure (an exception class name, never its message)
 * @param at when
 */
public record DirectoryUnavailable(String directory, String failure, Instant at) {

}
