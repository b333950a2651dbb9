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
            _ when IsTransient(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "数据库暂时不可用",
                Detail = "数据库连接中断或繁忙，本次操作未保存。请稍后重试；若持续出现，请联系系统管理员。",
            },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "服务器内部错误", Detail = "处理请求时发生意外错误，已记录日志，请稍后重试或联系系统管理员。" },
        };
        if (details.Status == StatusCodes.Status500InternalServerError)
        {
            log.LogError(exception, "Unhandled exception for {Method} {Path}", http.Request.Method, http.Request.Path);
        }
        else if (details.Status == StatusCodes.Status503ServiceUnavailable)
        {
            log.LogWarning("Database unavailable for {Method} {Path}: {Message}", http.Request.Method, http.Request.Path, exception.GetBaseException().Message);
            http.Response.Headers.RetryAfter = "5";
        }

        http.Response.StatusCode = details.Status!.Value;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = details, Exception = exception });
    }

    /// <summary>A lost or refused database connection (server restarting, pool exhausted, timeout) anywhere in the chain.</summary>
    internal static bool IsTransient(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is System.Data.Common.DbException { IsTransient: true } or TimeoutException or System.Net.Sockets.SocketException
                || e is Npgsql.NpgsqlException { InnerException: System.IO.IOException or System.Net.Sockets.SocketException or EndOfStreamException }
                || e is Npgsql.PostgresException { SqlState: "57P01" or "57P02" or "57P03" or "53300" })
            {
                return true;
            }
        }

        return false;
    }
}
