using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Xuncha.Core.Domain.Audit;

namespace Xuncha.Core.Features.Audit;

/// <summary>
/// The chain's hash: SHA-256 over a canonical serialisation of every field and the previous
/// entry's hash. Each text is length-prefixed, so no two different entries serialise alike.
/// Times count whole milliseconds (both databases keep them exactly).
/// </summary>
public static class AuditHash
{
    public const string Genesis = "";

    public static DateTimeOffset Truncate(DateTimeOffset at) =>
        DateTimeOffset.FromUnixTimeMilliseconds(at.ToUnixTimeMilliseconds());

    public static string Of(AuditEvent e)
    {
        var text = new StringBuilder(256)
            .Append("xuncha-audit-v1\n")
            .Append(e.Id.ToString(CultureInfo.InvariantCulture)).Append('\n')
            .Append(e.At.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)).Append('\n');
        foreach (var field in new[] { e.UserId, e.UserName, e.Action, e.Entity, e.EntityId, e.Detail, e.PrevHash })
        {
            text.Append(field.Length.ToString(CultureInfo.InvariantCulture)).Append(':').Append(field).Append('\n');
        }

        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }
}
