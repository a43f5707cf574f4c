import Foundation
import Table

/// Random tokens and their comparison: unit links, session cookies, CSRF tokens and the first-start setup code.
enum Secrets {
    /// `bytes` random bytes from the system's generator (getrandom), as URL-safe base64 without padding.
    static func token(bytes: Int = 32) -> String {
        var generator = SystemRandomNumberGenerator()
        let data = Data((0..<bytes).map { _ in UInt8.random(in: .min ... .max, using: &generator) })
        return data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// SHA-256 of a secret, hex: what web.db keeps of a session cookie, so that reading the file gives no session.
    static func hash(_ secret: String) -> String {
        var digest = SHA256()
        digest.update(Array(secret.utf8))
        return digest.hex()
    }

    /// Equal in time that does not depend on where they differ.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        return zip(x, y).reduce(0) { $0 | ($1.0 ^ $1.1) } == 0
    }

    /// A link token looks like one we make (43 URL-safe characters) before any lookup is spent on it.
    static func plausible(_ token: String) -> Bool {
        token.utf8.count == 43 && token.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x61 && $0 <= 0x7A) || $0 == 0x2D || $0 == 0x5F }
    }
}
