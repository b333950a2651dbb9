using System.Collections;
using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Xuncha.Core.Domain.Audit;
using Xuncha.Core.Domain.Findings;
using Xuncha.Core.Domain.Notifications;
using Xuncha.Core.Domain.Regions;
using Xuncha.Core.Domain.Reports;

namespace Xuncha.Core.Features.Audit;

/// <summary>A change seen before the save; its key is read after the save (generated ids).</summary>
internal sealed record AuditChange(EntityEntry Entry, string Action, string Entity, string Detail, string? KeyBefore);

/// <summary>
/// What of a change goes into the audit log, in Chinese (<see cref="AuditLabels"/>): the entity
/// type's label, and "label=value" per property joined by "；". Not audited: the audit log itself, the access log
/// (each view is its own view-protected entry), notifications (system messages and read flags),
/// and updates that touch only bookkeeping columns (failed-sign-in counter, concurrency stamps,
/// a token's last use). Values are never written for protected data (petitions, public reports,
/// clue transfers, Identity's user tokens, every *Protected column), for ID-card numbers and phone numbers, nor for secrets
/// (password hashes, security stamps, token hashes): only the property labels.
/// </summary>
internal static class AuditChanges
{
    public const int MaxDetail = 1000;
    public const int BulkAdds = 200;
    private const int MaxValue = 60;
    private const string Separator = "；";

    private static readonly HashSet<Type> Skipped = [typeof(AuditEvent), typeof(AccessLogEntry), typeof(Notification)];
    private static readonly HashSet<Type> NamesOnly = [typeof(Petition), typeof(PublicReport), typeof(ClueTransfer), typeof(IdentityUserToken<string>)];
    private static readonly HashSet<string> Bookkeeping = ["AccessFailedCount", "ConcurrencyStamp", "LastUsedAt"];
    private static readonly string[] SecretParts = ["Protected", "Hash", "Password", "Secret", "Stamp", "Cipher", "Token", "IdNumber", "Phone"];

    public static AuditChange? Capture(EntityEntry entry, bool detailed = true)
    {
        if (Skipped.Contains(entry.Metadata.ClrType) || entry.Metadata.IsOwned())
        {
            return null;
        }

        var action = entry.State switch
        {
            EntityState.Added => "create",
            EntityState.Modified => "update",
            EntityState.Deleted => "delete",
            _ => null,
        };
        if (action is null)
        {
            return null;
        }

        var properties = entry.State switch
        {
            EntityState.Added => entry.Properties.Where(p => !p.Metadata.IsPrimaryKey() && !IsEmpty(p.CurrentValue)).ToList(),
            EntityState.Modified => entry.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).ToList(),
            _ => [],
        };
        if (entry.State == EntityState.Modified && properties.All(p => Bookkeeping.Contains(p.Metadata.Name)))
        {
            return null;
        }

        var type = entry.Metadata.ClrType;
        var namesOnly = NamesOnly.Contains(type);
        var detail = new StringBuilder();
        foreach (var p in detailed ? properties : [])
        {
            if (detail.Length > 0)
            {
                detail.Append(Separator);
            }

            detail.Append(AuditLabels.Property(type.Name, p.Metadata.Name));
            if (!namesOnly && !IsSecret(p.Metadata.Name))
            {
                detail.Append('=').Append(Format(p.CurrentValue));
            }

            if (detail.Length > MaxDetail)
            {
                break;
            }
        }

        var key = entry.State == EntityState.Added ? null : KeyOf(entry);
        return new AuditChange(entry, action, AuditLabels.Entity(type), Clip(detail.ToString(), MaxDetail), key);
    }

    /// <summary>
    /// One entry per change, except that a save adding more than <see cref="BulkAdds"/> rows of one
    /// type (reference data, demo data, roster imports) gets one entry for them with the count and
    /// the first and last key: the log stays readable and the demo seed quick.
    /// </summary>
    public static IEnumerable<AuditEvent> ToEvents(IReadOnlyList<AuditChange> changes)
    {
        var bulk = changes.Where(c => c.Action == "create").GroupBy(c => c.Entity)
            .Where(g => g.Count() > BulkAdds).ToDictionary(g => g.Key, g => g.ToList());
        foreach (var c in changes)
        {
            if (c.Action == "create" && bulk.TryGetValue(c.Entity, out var group))
            {
                if (ReferenceEquals(group[0], c))
                {
                    yield return new AuditEvent
                    {
                        Action = c.Action,
                        Entity = c.Entity,
                        EntityId = $"{group.Count} 条",
                        Detail = $"批量新增 {group.Count} 条，主键 {KeyOf(group[0].Entry)} … {KeyOf(group[^1].Entry)}",
                    };
                }

                continue;
            }

            yield return new AuditEvent
            {
                Action = c.Action,
                Entity = c.Entity,
                EntityId = Clip(c.KeyBefore ?? KeyOf(c.Entry), 200),
                Detail = c.Detail,
            };
        }
    }

    public static string KeyOf(EntityEntry entry)
    {
        var key = entry.Metadata.FindPrimaryKey();
        return key is null ? "" : string.Join(",", key.Properties.Select(p => Format(entry.Property(p.Name).CurrentValue)));
    }

    public static string Clip(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static bool IsSecret(string name) => SecretParts.Any(s => name.Contains(s, StringComparison.Ordinal));

    private static bool IsEmpty(object? value) => value switch
    {
        null => true,
        string s => s.Length == 0,
        ICollection c => c.Count == 0,
        _ => false,
    };

    private static string Format(object? value) => value switch
    {
        null => "空",
        string s => Clip(s.ReplaceLineEndings(" "), MaxValue),
        // China time, as the 时间 column; a lockout "for ever" (DateTimeOffset.MaxValue) has no China time.
        DateTimeOffset d => (d.UtcDateTime <= DateTime.MaxValue.AddHours(-8) ? d.ToOffset(TimeSpan.FromHours(8)) : d)
            .ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        Enum e => AuditLabels.Value(e),
        ICollection c => $"[{c.Count}项]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Clip(value.ToString() ?? "", MaxValue),
    };
}
