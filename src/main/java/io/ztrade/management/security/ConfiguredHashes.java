package io.ztrade.management.security;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Spring Security's delegating encoder ({@code {bcrypt}}, {@code {argon2}}, ...), except that a stored hash is never
 * re-hashed. Spring's default re-hashes a configured bcrypt of a lower cost than 10 on its first successful login, in
 * memory only: the configuration (the one source of the users) would say one thing and the running node another until
 * the next start, and every later Basic request would pay a cost-10 check the desk did not choose.
 */
final class ConfiguredHashes implements PasswordEncoder {

    private final PasswordEncoder delegate = PasswordEncoderFactories.createDelegatingPasswordEncoder();

    @Override
    public String encode(CharSequence rawPassword) {
        return delegate.encode(rawPassword);
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        return delegate.matches(rawPassword, encodedPassword);
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return false;
    }
}
