/* Baseline: libsecp256k1's own cost for the operations LibSecp256k1 wraps.
 * Times sign_recoverable (+ serialize_compact), parse_compact + recover (+ pubkey serialize),
 * and pubkey_create (+ serialize) in loops with clock_gettime(CLOCK_MONOTONIC). */
#include <secp256k1.h>
#include <secp256k1_recovery.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec * 1e6 + ts.tv_nsec / 1e3;
}

int main(int argc, char **argv) {
    int iterations = argc > 1 ? atoi(argv[1]) : 20000;
    secp256k1_context *ctx = secp256k1_context_create(SECP256K1_CONTEXT_NONE);
    unsigned char seckey[32], msg[32], compact[64], pub[65];
    for (int i = 0; i < 32; i++) { seckey[i] = (unsigned char)(i * 7 + 1); msg[i] = (unsigned char)(i * 13 + 5); }
    secp256k1_ecdsa_recoverable_signature sig;
    secp256k1_pubkey pubkey;
    int recid = 0;
    size_t len;
    unsigned long sink = 0;

    for (int i = 0; i < iterations / 10; i++) { /* warm-up */
        secp256k1_ecdsa_sign_recoverable(ctx, &sig, msg, seckey, NULL, NULL);
    }

    double t0 = now_us();
    for (int i = 0; i < iterations; i++) {
        msg[0] = (unsigned char)i;
        if (!secp256k1_ecdsa_sign_recoverable(ctx, &sig, msg, seckey, NULL, NULL)) { fputs("sign failed\n", stderr); return 1; }
        secp256k1_ecdsa_recoverable_signature_serialize_compact(ctx, compact, &recid, &sig);
        sink += compact[0];
    }
    double sign_us = (now_us() - t0) / iterations;

    t0 = now_us();
    for (int i = 0; i < iterations; i++) {
        secp256k1_ecdsa_recoverable_signature_parse_compact(ctx, &sig, compact, recid);
        if (!secp256k1_ecdsa_recover(ctx, &pubkey, &sig, msg)) { fputs("recover failed\n", stderr); return 1; }
        len = sizeof pub;
        secp256k1_ec_pubkey_serialize(ctx, pub, &len, &pubkey, SECP256K1_EC_UNCOMPRESSED);
        sink += pub[1];
    }
    double recover_us = (now_us() - t0) / iterations;

    t0 = now_us();
    for (int i = 0; i < iterations; i++) {
        seckey[31] = (unsigned char)(i | 1);
        if (!secp256k1_ec_pubkey_create(ctx, &pubkey, seckey)) { fputs("pubkey_create failed\n", stderr); return 1; }
        len = sizeof pub;
        secp256k1_ec_pubkey_serialize(ctx, pub, &len, &pubkey, SECP256K1_EC_UNCOMPRESSED);
        sink += pub[1];
    }
    double pubkey_us = (now_us() - t0) / iterations;

    printf("iterations %d\n", iterations);
    printf("sign_recoverable  %.2f us/op\n", sign_us);
    printf("recover           %.2f us/op\n", recover_us);
    printf("pubkey_create     %.2f us/op\n", pubkey_us);
    fprintf(stderr, "(checksum %lu)\n", sink);
    secp256k1_context_destroy(ctx);
    return 0;
}
