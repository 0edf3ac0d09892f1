package com.lead2cash.bench.dataset;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.SplittableRandom;
import java.util.UUID;

/** Ids and secrets for generated data: time-ordered UUIDs (v7) as the product makes them, but from a seed. */
public final class BenchIds {

    private BenchIds() {
    }

    /** A version-7 UUID for the instant, its random bits drawn from {@code random}. */
    public static UUID uuid7(Instant at, SplittableRandom random) {
        long millis = at.toEpochMilli();
        long msb = (millis << 16) | 0x7000L | (random.nextInt() & 0x0FFFL);
        long lsb = (random.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /** SHA-256 as lower-case hex: how the product stores API tokens and web-to-lead keys. */
    public static String sha256(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static final java.util.Map<Class<?>, java.lang.reflect.Field> ID_FIELDS =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** The product's aggregates take a random v7 id; the generator gives them one from its seed. */
    public static void assign(Object aggregate, String field, UUID id) {
        try {
            java.lang.reflect.Field f = ID_FIELDS.computeIfAbsent(aggregate.getClass(), t -> {
                try {
                    java.lang.reflect.Field found = t.getDeclaredField(field);
                    found.setAccessible(true);
                    return found;
                } catch (NoSuchFieldException e) {
                    throw new IllegalStateException(e);
                }
            });
            f.set(aggregate, id);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
