using Xuncha.Core.Domain.Audit;
using Xuncha.Core.Features.Audit;

namespace Xuncha.Core.Tests.Security;

public sealed class AuditHashTests
{
    private static AuditEvent Entry() => new()
    {
        Id = 7, At = DateTimeOffset.FromUnixTimeMilliseconds(1_790_000_000_123), UserId = "u1", UserName = "yiwu",
        Action = AuditActions.Update, Entity = "问题", EntityId = "f1", Detail = "标题=新标题", PrevHash = new string('a', 64),
    };

    [Fact]
    public void Hash_IsStable_AndChangesWithEveryField()
    {
        var hash = AuditHash.Of(Entry());
        Assert.Equal(hash, AuditHash.Of(Entry()));
        Assert.Matches("^[0-9a-f]{64}$", hash);

        var variants = new Action<AuditEvent>[]
        {
            e => e.Id = 8, e => e.At = e.At.AddMilliseconds(1), e => e.UserId = "u2", e => e.UserName = "city",
            e => e.Action = AuditActions.Delete, e => e.Entity = "疑似问题", e => e.EntityId = "f2", e => e.Detail = "标题=旧标题",
            e => e.PrevHash = new string('b', 64),
        };
        foreach (var change in variants)
        {
            var e = Entry();
            change(e);
            Assert.NotEqual(hash, AuditHash.Of(e));
        }
    }

    [Fact]
    public void Fields_AreLengthPrefixed_SoMovingTextBetweenFieldsChangesTheHash()
    {
        var a = Entry();
        (a.Entity, a.EntityId) = ("Find", "ingf1");
        var b = Entry();
        (b.Entity, b.EntityId) = ("Finding", "f1");
        Assert.NotEqual(AuditHash.Of(a), AuditHash.Of(b));
    }

    [Fact]
    public void Times_AreKeptToTheMillisecond_WhichBothDatabasesStoreExactly()
    {
        var at = new DateTimeOffset(2026, 3, 5, 8, 0, 0, TimeSpan.Zero).AddTicks(1_234_567);
        Assert.Equal(at.ToUnixTimeMilliseconds(), AuditHash.Truncate(at).ToUnixTimeMilliseconds());
        Assert.Equal(0, AuditHash.Truncate(at).Ticks % TimeSpan.TicksPerMillisecond);
    }
}
