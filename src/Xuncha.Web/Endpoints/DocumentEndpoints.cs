using Xuncha.Core.Features.Documents;
using Xuncha.Core.Security;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Endpoints;

/// <summary>一报告四清单 of a village of a round, or of a whole round, as Word and Excel files.</summary>
internal static class DocumentEndpoints
{
    public static void MapDocumentEndpoints(this RouteGroupBuilder api)
    {
        var documents = api.MapGroup("/documents").WithTags("报告清单");

        documents.MapGet("/villages/{code}/preview", (string code, Guid? roundId, Caller c, GenerateDocumentsHandler h, CancellationToken ct) =>
                h.Preview(Village(code, roundId), c.Scope, ct))
            .WithSummary("村（社区）巡察报告提纲和清单条数");
        documents.MapGet("/villages/{code}/report.docx", async (string code, Guid? roundId, Caller c, GenerateDocumentsHandler h, CancellationToken ct) =>
                File(await h.Report(Village(code, roundId), c.Scope, ct)))
            .WithSummary("村（社区）巡察报告（Word，GB/T 9704-2012 公文格式）");
        documents.MapGet("/villages/{code}/lists/{listKey}.{format}", async (string code, string listKey, string format, Guid? roundId, Caller c, GenerateDocumentsHandler h, CancellationToken ct) =>
                File(await h.List(Village(code, roundId), listKey, format, c.Scope, ct)))
            .WithSummary("村（社区）清单（format 为 docx 或 xlsx；线索内容仅纪检监察和市巡察办可见）");

        documents.MapGet("/rounds/{id:guid}/preview", (Guid id, Caller c, GenerateDocumentsHandler h, CancellationToken ct) =>
                h.Preview(new DocumentRequest(id), c.Scope, ct))
            .WithSummary("轮次巡察报告提纲和清单条数");
        documents.MapGet("/rounds/{id:guid}/report.docx", async (Guid id, Caller c, GenerateDocumentsHandler h, CancellationToken ct) =>
                File(await h.Report(new DocumentRequest(id), c.Scope, ct)))
            .WithSummary("轮次巡察报告（Word，您数据范围内的全部巡察对象）");
        documents.MapGet("/rounds/{id:guid}/lists/{listKey}.{format}", async (Guid id, string listKey, string format, Caller c, GenerateDocumentsHandler h, CancellationToken ct) =>
                File(await h.List(new DocumentRequest(id), listKey, format, c.Scope, ct)))
            .WithSummary("轮次清单（format 为 docx 或 xlsx）");
    }

    private static DocumentRequest Village(string code, Guid? roundId) =>
        new(roundId ?? throw new ValidationException("roundId", "请选择巡察轮次。"), code);

    private static IResult File(GeneratedFile file) => Results.File(file.Content, file.ContentType, file.FileName);
}
