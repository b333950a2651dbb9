using Microsoft.AspNetCore.Identity;

namespace Xuncha.Core.Domain.Users;

public sealed class XunchaUser : IdentityUser
{
    /// <summary>姓名 as shown in the top bar and in records.</summary>
    public string DisplayName { get; set; } = "";

    /// <summary>单位, e.g. 义乌市委巡察办.</summary>
    public string Organization { get; set; } = "";

    /// <summary>The node of the region tree this user's data is limited to.</summary>
    public string ScopeCode { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
