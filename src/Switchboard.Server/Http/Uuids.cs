using System.Security.Cryptography;

namespace Switchboard.Http;

/// <summary>
/// Random (version 4) UUIDs for the ids every notification carries (its uuid, the frame's messageId and
/// RCRequestId). <see cref="Guid.NewGuid"/> costs a system call each on Linux (a read of /dev/urandom, about
/// 1.6 µs on the benchmark machine), three per notification; these come from the same secure generator,
/// 256 at a time per thread.
/// </summary>
public static class Uuids
{
    private const int Batch = 256;

    [ThreadStatic] private static byte[]? t_random;
    [ThreadStatic] private static int t_used;

    public static Guid NewGuid()
    {
        var random = t_random ??= new byte[Batch * 16];
        if (t_used == 0) RandomNumberGenerator.Fill(random);
        Span<byte> bytes = stackalloc byte[16];
        random.AsSpan(t_used * 16, 16).CopyTo(bytes);
        t_used = (t_used + 1) % Batch;
        // As Guid.NewGuid: version 4 (in the big-endian layout, byte 6) and the RFC 4122 variant (byte 8).
        bytes[6] = (byte)((bytes[6] & 0x0F) | 0x40);
        bytes[8] = (byte)((bytes[8] & 0x3F) | 0x80);
        return new Guid(bytes, bigEndian: true);
    }

    public static string NewString() => NewGuid().ToString();
}
