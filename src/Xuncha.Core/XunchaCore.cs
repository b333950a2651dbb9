using Microsoft.Extensions.DependencyInjection;
using Xuncha.Core.Common;
using Xuncha.Core.Features.Planning;
using Xuncha.Core.Features.Checklists;
using Xuncha.Core.Features.Documents;
using Xuncha.Core.Features.Fieldwork;
using Xuncha.Core.Features.Feedback;
using Xuncha.Core.Features.Findings;
using Xuncha.Core.Features.Notifications;
using Xuncha.Core.Features.People;
using Xuncha.Core.Features.Rectification;
using Xuncha.Core.Features.Regions;
using Xuncha.Core.Features.Reports;
using Xuncha.Core.Features.Screening;
using Xuncha.Core.Features.Setup;
using Xuncha.Core.Features.Teams;
using Xuncha.Core.Features.Tokens;
using Xuncha.Core.Features.Users;
using Xuncha.Core.Security;
using Xuncha.Core.Security.Protection;

namespace Xuncha.Core;

public static class XunchaCore
{
    /// <summary>Registers the use-case handlers. Identity and the database are registered by the host.</summary>
    public static IServiceCollection AddXunchaCore(this IServiceCollection services)
    {
        services.AddSingleton(TimeProvider.System);
        services.AddScoped<UserScopeResolver>();
        services.AddScoped<DatabaseInitializer>();
        services.AddScoped<AdminBootstrap>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoScreening>();
        services.AddScoped<ScaleData>();
        services.AddScoped<Features.People.LinkPersonAccountHandler>();
        services.AddScoped<GetRegionChildrenHandler>();
        services.AddScoped<GetRegionHandler>();
        services.AddScoped<GetScopeTreeHandler>();
        services.AddScoped<ListVillagesHandler>();
        services.AddScoped<ListUsersHandler>();
        services.AddScoped<CreateUserHandler>();
        services.AddScoped<SetUserLockHandler>();
        services.AddScoped<ApiTokenHandler>();
        services.AddScoped<RunScreeningHandler>();
        services.AddScoped<ListLeadsHandler>();
        services.AddScoped<GetLeadHandler>();
        services.AddScoped<TriageLeadHandler>();
        services.AddScoped<ScreeningBatchesHandler>();
        services.AddScoped<RuleStatisticsHandler>();
        services.AddScoped<EarlyWarning>();
        services.AddOptions<RiskSettings>().BindConfiguration("Xuncha:Risk");
        services.AddSingleton<FileStore>();
        services.AddSingleton<ProtectedDataCipher>();
        services.AddScoped<AccessLog>();
        services.AddScoped<Features.Audit.AuditTrail>();
        services.AddScoped<Features.Audit.AuditLogHandler>();
        services.AddScoped<RankVillagesHandler>();
        services.AddScoped<CoverageHandler>();
        services.AddScoped<RoundQueries>();
        services.AddScoped<SaveRoundHandler>();
        services.AddScoped<PickTargetsHandler>();
        services.AddScoped<PlanQueries>();
        services.AddScoped<SavePlanHandler>();
        services.AddScoped<DemoPlanning>();
        services.AddScoped<GenerateChecklistsHandler>();
        services.AddScoped<ListRoundChecklistsHandler>();
        services.AddScoped<GetChecklistHandler>();
        services.AddScoped<EditChecklistItemsHandler>();
        services.AddScoped<ChecklistTemplatesHandler>();
        services.AddScoped<ListTeamRoundsHandler>();
        services.AddScoped<GetRoundTeamsHandler>();
        services.AddScoped<AssignTeamsHandler>();
        services.AddScoped<EditTeamsHandler>();
        services.AddScoped<RoundPoolHandler>();
        services.AddScoped<ExpertInvitationsHandler>();
        services.AddPeople();
        services.AddScoped<SaveFieldRecordHandler>();
        services.AddScoped<FieldRecordQueries>();
        services.AddScoped<GuidanceGroupsHandler>();
        services.AddScoped<GuidanceWorkHandler>();
        services.AddScoped<DemoFieldwork>();
        services.AddScoped<SubmitReportHandler>();
        services.AddScoped<ReportInboxHandler>();
        services.AddScoped<ReportChannelsHandler>();
        services.AddScoped<PetitionsHandler>();
        services.AddScoped<DemoReports>();
        services.AddFindings();
        services.AddRectification();
        services.AddOptions<FeedbackSettings>().BindConfiguration("Xuncha:Feedback");
        services.AddScoped<FeedbackRecordsHandler>();
        services.AddScoped<FeedbackProgressHandler>();
        services.AddScoped<CommonProblemsHandler>();
        services.AddScoped<FeedbackLettersHandler>();
        services.AddScoped<DemoFeedback>();
        services.AddScoped<Features.Statistics.DashboardHandler>();
        services.AddOptions<DocumentSettings>().BindConfiguration(DocumentSettings.Section)
            .Validate(s => s.Lists.All(l => DocumentColumns.Known.ContainsKey(l.Key)), $"{DocumentSettings.Section}:Lists 中的清单只能是 {string.Join("、", DocumentColumns.Known.Keys)}。")
            .ValidateOnStart();
        services.AddScoped<GenerateDocumentsHandler>();
        return services;
    }

    /// <summary>巡察人员库 and 专家库.</summary>
    private static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddScoped<ListPeopleHandler>();
        services.AddScoped<GetPersonHandler>();
        services.AddScoped<SavePersonHandler>();
        services.AddScoped<SetPersonAvailabilityHandler>();
        services.AddScoped<DeletePersonHandler>();
        services.AddScoped<ImportPeopleHandler>();
        services.AddScoped<ListExpertsHandler>();
        services.AddScoped<GetExpertHandler>();
        services.AddScoped<SaveExpertHandler>();
        services.AddScoped<SetExpertAvailabilityHandler>();
        services.AddScoped<DeleteExpertHandler>();
        services.AddScoped<ImportExpertsHandler>();
        services.AddScoped<ExportPeopleHandler>();
        services.AddScoped<RegionPickerHandler>();
        return services;
    }

    /// <summary>问题台账, recoveries, evidence, clue transfer and the case library.</summary>
    private static IServiceCollection AddFindings(this IServiceCollection services)
    {
        services.AddOptions<FindingSettings>().BindConfiguration("Xuncha:Findings");
        services.AddScoped<ListFindingsHandler>();
        services.AddScoped<GetFindingHandler>();
        services.AddScoped<SaveFindingHandler>();
        services.AddScoped<RecoveriesHandler>();
        services.AddScoped<EvidenceHandler>();
        services.AddScoped<ClueTransferHandler>();
        services.AddScoped<CasesHandler>();
        services.AddScoped<DemoFindings>();
        return services;
    }

    /// <summary>四方整改, 整改督办, the status report and in-app notifications.</summary>
    private static IServiceCollection AddRectification(this IServiceCollection services)
    {
        services.AddOptions<RectificationSettings>().BindConfiguration("Xuncha:Rectification");
        services.AddScoped<SaveRectificationTaskHandler>();
        services.AddScoped<OwnerDefaultsHandler>();
        services.AddScoped<ListRectificationTasksHandler>();
        services.AddScoped<GetRectificationTaskHandler>();
        services.AddScoped<ReportProgressHandler>();
        services.AddScoped<ReviewRectificationHandler>();
        services.AddScoped<OverdueSweep>();
        services.AddScoped<SupervisionHandler>();
        services.AddScoped<RectificationStatusReportHandler>();
        services.AddScoped<NotificationsHandler>();
        services.AddScoped<DemoRectification>();
        return services;
    }
}
