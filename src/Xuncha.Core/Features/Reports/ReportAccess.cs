using Xuncha.Core.Domain.Users;

namespace Xuncha.Core.Features.Reports;

/// <summary>
/// Who may do what with 群众反映 and 信访举报. The reporter in clear is for the offices and
/// 纪检监察 only (within scope): a team member works the content of a report on site in the
/// village, where knowing who reported could expose the reporter, so he sees the mask.
/// </summary>
public static class ReportAccess
{
    /// <summary>The inbox (masked reporter).</summary>
    public static readonly IReadOnlySet<string> Viewers = new HashSet<string> { Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember, Roles.Discipline };

    /// <summary>Turn a report into a visit, lead or finding, or decline it.</summary>
    public static readonly IReadOnlySet<string> Handlers = new HashSet<string> { Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember };

    /// <summary>Create channels for a round's villages.</summary>
    public static readonly IReadOnlySet<string> ChannelManagers = new HashSet<string> { Roles.CityOffice, Roles.CountyOffice };

    /// <summary>See channels, QR codes and the printable notice.</summary>
    public static readonly IReadOnlySet<string> ChannelViewers = new HashSet<string> { Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember };

    /// <summary>The reporter of a public report or a petition in clear (every view logged).</summary>
    public static readonly IReadOnlySet<string> ReporterReaders = new HashSet<string> { Roles.CityOffice, Roles.CountyOffice, Roles.Discipline };

    /// <summary>Petitions of a village (without the reporter).</summary>
    public static readonly IReadOnlySet<string> PetitionViewers = new HashSet<string>
        { Roles.Admin, Roles.CityOffice, Roles.CountyOffice, Roles.TeamMember, Roles.GuidanceGroup, Roles.Discipline };

    public static bool MayReadReporter(Security.UserScope user) => user.IsInAnyRole(ReporterReaders);
}

public static class ReportTexts
{
    public const string ViewAction = "查看群众反映";
    public const string HandleAction = "处理群众反映";
    public const string ChannelAction = "管理反映渠道";
    public const string PetitionAction = "查看信访举报";
    public const string Anonymous = "匿名";
    public const string Hidden = "（受保护）";
    public const string NotFound = "找不到该群众反映，或它不在您的数据范围内。";
    public const string ChannelNotFound = "找不到该反映渠道，或它不在您的数据范围内。";
    public const string PetitionNotFound = "找不到该信访举报，或它不在您的数据范围内。";
    public const string ViewRecorded = "您的查看已记录。";
    public const string BadLink = "该反映渠道不存在或已关闭，请核对二维码或联系巡察组。";
}
