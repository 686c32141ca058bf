package dev.keywarden.demo;

/**
 * A self-signed X.509 certificate (CN=keywarden-test) for the demo's signing certificate and server
 * certificate: IAM, and the emulator, accept only a well-formed PEM certificate. Its key was thrown
 * away; it signs nothing.
 */
final class DemoCertificate {
  static final String PEM =
      "-----BEGIN CERTIFICATE-----\nMIIDEzCCAfugAwIBAgIUMsUBDe7RQkW0f38ni9gBtP3D0wEwDQYJKoZIhvcNAQEL\nBQAwGTEXMBUGA1UEAwwOa2V5d2FyZGVuLXRlc3QwHhcNMjYxMjAyMDYxMTU2WhcN\nMzYxMTI5MDYxMTU2WjAZMRcwFQYDVQQDDA5rZXl3YXJkZW4tdGVzdDCCASIwDQYJ\nKoZIhvcNAQEBBQADggEPADCCAQoCggEBAMNoQ2UaSlD/PnA2+K1zdxDy2AcO1QI3\nWqUwXJHbkbOpiGlSVnGlsObdY3ASlF29NCtOp3mCKGPyOLxui50V/o4peF3u4HcW\noKFClnIpF7RtyMd869rMi9Kis9vYzzKWFE8iVS/vm5eWdUOnlnIafW2WX9K7mwDg\nMPx1thqfKYfPCgQYM5nQqHhpNSdLzPmSuhvbNgyduFzLMqxfNE2OmdujgtgTKzPO\nJN7e0IRZXYbDMelzKuJyvKvDFpWAIRl8CMSBFnzKjsW4OoiuglaIxDRh43cKPKZ3\ngwZIg3mZkxEUcbpaUuo2Zhsz6qW2M62aCrX0rsLZH0xRbQrFbSJjVLUCAwEAAaNT\nMFEwHQYDVR0OBBYEFNXUnK49tt0R3Wt8seaAARebR2dhMB8GA1UdIwQYMBaAFNXU\nnK49tt0R3Wt8seaAARebR2dhMA8GA1UdEwEB/wQFMAMBAf8wDQYJKoZIhvcNAQEL\nBQADggEBAGav6FTtJi+eDsROmqCx+N4T2mkj3XqzYMoJMXxCmsSFZSlzS4odMcDm\nfyU0eZCVfe6CiwMFm+NZCGlCrtaR+XCX1Sb2t726V2ssyFmsbK0ZftO+OqcGpmWW\nnWSD8l7CKUcCYT5hHpKeBu1FguWCz890aGDn8ZEjqtzHAAe8dzQbgQd/dySR2Ogz\nd5FhEE60gwFWN8XZPTgiCEDTqGaoJHO2oFCVVmI9dqiyItXuShf0lsAwovM+5K2d\n3Qu2ZPCm/LLHnxBXVOQgFql83oXDG1JrgrYDpS81FIdbdHWctP4lQi0oR7vK52j/\n0ZDb+niKQybauuETCgOftnKEyBrtaMA=\n-----END CERTIFICATE-----\n";

  private DemoCertificate() {}
}
