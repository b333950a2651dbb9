using System.Collections;
using System.Globalization;
using System.Text;
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
/// What of a change goes into the audit log. Not audited: the audit log itself, the access log
/// (each view is its own view-protected entry), notifications (system messages and read flags),
/// and updates that touch only bookkeeping columns (failed-sign-in counter, concurrency stamps,
/// a token's last use). Values are never written for protected data (petitions, public reports,
/// clue transfers, every *Protected column) nor for secrets (password hashes, security stamps,
/// token hashes): only the property names.
/// </summary>
internal static class AuditChanges
{
    public const int MaxDetail = 1000;
    private const int MaxValue = 60;

    private static readonly HashSet<Type> Skipped = [typeof(AuditEvent), typeof(AccessLogEntry), typeof(Notification)];
    private static readonly HashSet<Type> NamesOnly = [typeof(Petition), typeof(PublicReport), typeof(ClueTransfer)];
    private static readonly HashSet<string> Bookkeeping = ["AccessFailedCount", "ConcurrencyStamp", "LastUsedAt"];
    private static readonly string[] SecretParts = ["Protected", "Hash", "Password", "Secret", "Stamp", "Cipher", "Token"];

    public static AuditChange? Capture(EntityEntry entry)
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

        var namesOnly = NamesOnly.Contains(entry.Metadata.ClrType);
        var detail = new StringBuilder();
        foreach (var p in properties)
        {
            if (detail.Length > 0)
            {
                detail.Append("; ");
            }

            detail.Append(p.Metadata.Name);
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
        return new AuditChange(entry, action, entry.Metadata.ClrType.Name, Clip(detail.ToString(), MaxDetail), key);
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
        DateTimeOffset d => d.ToUniversalTime().ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        bool b => b ? "是" : "否",
        ICollection c => $"[{c.Count}项]",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => Clip(value.ToString() ?? "", MaxValue),
    };
}
