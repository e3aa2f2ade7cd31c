package org.pharmamaturity.producers.gateway;

import java.nio.file.Path;

/**
 * How the gateway connects to the plant's OPC UA server.
 *
 * @param endpointUrl e.g. {@code opc.tcp://plc-gw:4840/}
 * @param securityPolicy {@code None} or {@code Basic256Sha256} (then SignAndEncrypt, with the key store's certificate)
 * @param keyStore PKCS#12 file with the gateway's private key and certificate (required for Basic256Sha256)
 * @param keyStorePassword its password
 * @param pkiDir trust list directory: server certificates the gateway trusts are in {@code trusted/certs}; one it
 *               does not trust is put in {@code rejected/} for an operator to move
 * @param username null for anonymous
 * @param password null without username
 */
public record OpcUaSettings(String endpointUrl, String securityPolicy, Path keyStore, char[] keyStorePassword,
                            Path pkiDir, String username, char[] password) {
}
