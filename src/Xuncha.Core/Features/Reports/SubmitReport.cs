using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Xuncha.Core.Domain.Reports;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Core.Security.Protection;

namespace Xuncha.Core.Features.Reports;

/// <summary>A report from the public page; no user. <paramref name="SourceIp"/> is hashed, never kept.</summary>
public sealed record SubmitReport(string Token, string? Category, string? Content, bool Anonymous, string? Name, string? Phone, string? SourceIp);

/// <summary>What the public page shows about its channel: no internal ids, no token.</summary>
public sealed record ChannelPublicInfo(string VillageName, string TownshipName, string CountyName, string RoundName, string TeamContact);

public sealed class SubmitReportHandler(IDbContextFactory<XunchaDbContext> dbFactory, ProtectedDataCipher cipher, TimeProvider clock)
{
    public const int MaxContent = 2000;
    public const int MinContent = 10;
    public const int MaxName = 20;

    private const string ReceiptAlphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    public async Task<ChannelPublicInfo?> Channel(string token, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await (
            from c in db.ReportChannels.AsNoTracking()
            where c.Token == token
            join r in db.Rounds on c.RoundId equals r.Id
            join v in db.Regions on c.VillageCode equals v.Code
            select new ChannelPublicInfo(v.Name, v.Parent!.Name, v.Parent.Parent!.Name, r.Name, c.TeamContact)).SingleOrDefaultAsync(ct);
    }

    /// <summary>Stores the report and returns its receipt number.</summary>
    public async Task<string> Handle(SubmitReport cmd, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var channel = await db.ReportChannels.AsNoTracking().SingleOrDefaultAsync(c => c.Token == cmd.Token, ct)
            ?? throw new NotFoundException(ReportTexts.BadLink);
        var (name, phone) = Validate(cmd);
        var now = clock.GetUtcNow();
        var report = new PublicReport
        {
            Id = Guid.CreateVersion7(now),
            ChannelId = channel.Id,
            RoundId = channel.RoundId,
            VillageCode = channel.VillageCode,
            ReceiptNo = $"{ChinaDate(now):yyyyMMdd}-{RandomNumberGenerator.GetString(ReceiptAlphabet, 6)}",
            Category = cmd.Category!,
            Content = cmd.Content!.Trim(),
            Anonymous = cmd.Anonymous,
            ReporterNameProtected = cmd.Anonymous ? null : cipher.Protect(name),
            ReporterPhoneProtected = cmd.Anonymous ? null : cipher.Protect(phone),
            ReceivedAt = now,
            SourceIpHash = cipher.Fingerprint(cmd.SourceIp ?? "unknown"),
        };
        db.PublicReports.Add(report);
        await db.SaveChangesAsync(ct);
        return report.ReceiptNo;
    }

    private static (string? Name, string? Phone) Validate(SubmitReport cmd)
    {
        var errors = new ValidationErrors();
        if (string.IsNullOrWhiteSpace(cmd.Category) || !ReportCategory.All.Contains(cmd.Category))
        {
            errors.Add("category", "请选择反映类别。");
        }

        var content = cmd.Content?.Trim() ?? "";
        if (content.Length < MinContent)
        {
            errors.Add("content", $"请具体写明反映的问题，不少于 {MinContent} 个字。");
        }
        else if (content.Length > MaxContent)
        {
            errors.Add("content", $"反映内容不能超过 {MaxContent} 字（当前 {content.Length} 字），请精简后再提交。");
        }

        string? name = null, phone = null;
        if (!cmd.Anonymous)
        {
            name = cmd.Name?.Trim();
            phone = cmd.Phone?.Trim().Replace(" ", "").Replace("-", "");
            if (string.IsNullOrEmpty(name) || name.Length > MaxName)
            {
                errors.Add("name", $"实名反映请填写姓名（不超过 {MaxName} 字）；不愿留名请勾选“匿名反映”。");
            }

            if (string.IsNullOrEmpty(phone) || phone.Length is < 7 or > 13 || !phone.All(char.IsAsciiDigit))
            {
                errors.Add("phone", "请填写正确的联系电话（手机或座机号码，仅数字）。");
            }
        }

        errors.ThrowIfAny();
        return (name, phone);
    }

    private static DateOnly ChinaDate(DateTimeOffset at) => DateOnly.FromDateTime(at.ToOffset(TimeSpan.FromHours(8)).DateTime);
}
