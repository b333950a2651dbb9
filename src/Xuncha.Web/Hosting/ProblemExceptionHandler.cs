using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Xuncha.Core.Security;
using Xuncha.Web.Auth;

namespace Xuncha.Web.Hosting;

/// <summary>The one place where exceptions become ProblemDetails; a business rule never yields a 500.</summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        ProblemDetails details = exception switch
        {
            ValidationException v => new HttpValidationProblemDetails(v.Errors.ToDictionary(e => e.Key, e => e.Value))
            {
                Status = StatusCodes.Status400BadRequest,
                Title = "提交的内容有误",
                Detail = v.Message,
            },
            ForbiddenException f => new ProblemDetails { Status = StatusCodes.Status403Forbidden, Title = "无权访问", Detail = f.Message },
            NotFoundException n => new ProblemDetails { Status = StatusCodes.Status404NotFound, Title = "未找到", Detail = n.Message },
            UnauthenticatedException => new ProblemDetails { Status = StatusCodes.Status401Unauthorized, Title = "未登录", Detail = "请先登录。" },
            BadHttpRequestException b => new ProblemDetails { Status = b.StatusCode, Title = "请求格式有误", Detail = "请求参数或请求体格式不正确，请检查后重试。" },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "服务器内部错误", Detail = "处理请求时发生意外错误，已记录日志，请稍后重试或联系系统管理员。" },
        };
        if (details.Status == StatusCodes.Status500InternalServerError)
        {
            log.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
        }

        http.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }
}
