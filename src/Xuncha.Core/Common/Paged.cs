namespace Xuncha.Core.Common;

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public static class Paging
{
    public const int MaxPageSize = 500;

    public static (int Page, int Size) Clamp(int? page, int? size) =>
        (Math.Max(1, page ?? 1), Math.Clamp(size ?? 20, 1, MaxPageSize));
}
