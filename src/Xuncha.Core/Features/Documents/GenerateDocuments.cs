using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Xuncha.Core.Domain.Users;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.People;
using Xuncha.Core.Persistence;
using Xuncha.Core.Security;
using Xuncha.Core.Security.Protection;
using Xuncha.Documents;

namespace Xuncha.Core.Features.Documents;

public sealed record GeneratedFile(string FileName, string ContentType, byte[] Content);

public sealed record DocumentListInfo(string Key, string Title, int Rows);

/// <summary>What the 报告清单 page previews: the report's title and outline, and the lists with their row counts.</summary>
public sealed record DocumentsPreview(string Title, IReadOnlyList<string> Outline, IReadOnlyList<DocumentListInfo> Lists);

/// <summary>
/// 一报告四清单: the report (.docx, GB/T 9704-2012) and the configured lists (.docx or .xlsx) of a village or a
/// round. Offices and team members in scope generate them; the clue list is also open to 纪检监察, and only
/// <see cref="FindingAccess.ClueReaders"/> get the clue content, each clue read written to the access log.
/// </summary>
public sealed class GenerateDocumentsHandler(
    IDbContextFactory<XunchaDbContext> dbFactory, ProtectedDataCipher cipher, AccessLog accessLog, IOptions<DocumentSettings> options, TimeProvider clock)
{
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
    public const string Xlsx = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    /// <summary>Generate the report and the lists: the offices in scope and team members.</summary>
    public static readonly IReadOnlySet<string> Generators = new HashSet<string> { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember };

    private DocumentSettings Settings => options.Value;

    public async Task<GeneratedFile> Report(DocumentRequest request, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(Generators, DocumentTexts.GenerateAction);
        var data = await LoadAsync(request, user, ct);
        var document = ReportComposer.Compose(data, Settings);
        using var stream = new MemoryStream();
        OfficialDocxWriter.Write(document, stream);
        return new GeneratedFile($"{Name(data)}巡察报告.docx", Docx, stream.ToArray());
    }

    public async Task<GeneratedFile> List(DocumentRequest request, string listKey, string format, UserScope user, CancellationToken ct = default)
    {
        var setting = Settings.Find(listKey) ?? throw new NotFoundException(DocumentTexts.UnknownList(listKey));
        var xlsx = format.ToLowerInvariant() switch
        {
            "docx" => false,
            "xlsx" => true,
            _ => throw new ValidationException("format", DocumentTexts.UnknownFormat(format)),
        };
        user.EnsureRole(setting.Key == DocumentColumns.Clues ? FindingAccess.ClueListers : Generators,
            setting.Key == DocumentColumns.Clues ? DocumentTexts.ClueListAction : DocumentTexts.GenerateAction);
        var data = await LoadAsync(request, user, ct);
        var texts = setting.Key == DocumentColumns.Clues && FindingAccess.CanReadClues(user) ? await ReadCluesAsync(data, user, ct) : null;
        var list = ListComposer.Compose(setting, data, Settings, texts);
        using var stream = new MemoryStream();
        if (xlsx)
        {
            ListXlsxWriter.Write(list, stream);
        }
        else
        {
            ListDocxWriter.Write(list, stream);
        }

        return new GeneratedFile($"{Name(data)}{setting.Title}.{(xlsx ? "xlsx" : "docx")}", xlsx ? Xlsx : Docx, stream.ToArray());
    }

    /// <summary>The outline and the lists, without clue content (so nothing is decrypted or logged).</summary>
    public async Task<DocumentsPreview> Preview(DocumentRequest request, UserScope user, CancellationToken ct = default)
    {
        user.EnsureRole(Generators, DocumentTexts.GenerateAction);
        var data = await LoadAsync(request, user, ct);
        var report = ReportComposer.Compose(data, Settings);
        var lists = Settings.EffectiveLists
            .Select(l => new DocumentListInfo(l.Key, l.Title, ListComposer.Compose(l, data, Settings, null).Rows.Count)).ToList();
        return new DocumentsPreview(report.Title, ReportComposer.Outline(report), lists);
    }

    private async Task<DocumentData> LoadAsync(DocumentRequest request, UserScope user, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await DocumentSource.LoadAsync(db, request, user, SavePersonHandler.ChinaToday(clock), ct);
    }

    /// <summary>Each clue is logged before its text is decrypted, as the clue view does.</summary>
    private async Task<IReadOnlyDictionary<Guid, ClueText>> ReadCluesAsync(DocumentData data, UserScope user, CancellationToken ct)
    {
        var texts = new Dictionary<Guid, ClueText>();
        foreach (var f in data.Findings.Where(f => f.Clue is not null))
        {
            var clue = f.Clue!;
            await accessLog.RecordAsync(user, AccessLog.Clue, clue.Id.ToString(), DocumentTexts.ClueReadPurpose, ct);
            texts[f.Finding.Id] = new ClueText(cipher.Unprotect(clue.ContentProtected) ?? "", cipher.Unprotect(clue.PersonsProtected) ?? "");
        }

        return texts;
    }

    private static string Name(DocumentData data) => data.Village is { } v ? v.TownshipName + v.Name : data.Round.Name;
}
