using System.Collections.Concurrent;
using System.Linq.Expressions;
using AntDesign;
using AntDesign.TableModels;
using Microsoft.AspNetCore.Components;

namespace Xuncha.Web.Components.Shared;

/// <summary>
/// Ant Design's <c>PropertyColumn</c> with its getter compiled once per property instead of once
/// per cell. <c>PropertyColumn</c> calls <c>Expression.Compile()</c> for every body cell it
/// creates, so a 20-row, 8-column ledger compiled 160 expressions on every page load (about
/// 30 ms of CPU, most of a page's cost under load). Use it exactly like <c>PropertyColumn</c>.
/// </summary>
public class FieldColumn<TItem, TProp> : Column<TProp>
{
    /// <summary>The value shown in this column's cells, e.g. <c>r =&gt; r.Title</c>.</summary>
    [Parameter]
    public Expression<Func<TItem, TProp>> Property { get; set; } = default!;

    protected override void OnInitialized()
    {
        if (Property is null)
        {
            return;
        }

        if (IsHeader)
        {
            GetFieldExpression = Property;
        }
        else if (IsBody)
        {
            var get = Getters.Of(Property);
            GetValue = row => get(((RowData<TItem>)row).DataItem.Data);
        }

        base.OnInitialized();
    }

    /// <summary>
    /// Compiled getters of plain member reads (<c>r =&gt; r.A</c>, <c>r =&gt; r.A.B</c>), keyed by the
    /// members read. Anything else may capture variables, so it is compiled each time as before.
    /// </summary>
    private static class Getters
    {
        private static readonly ConcurrentDictionary<string, Func<TItem, TProp>> ByPath = new();

        public static Func<TItem, TProp> Of(Expression<Func<TItem, TProp>> property) =>
            PathOf(property.Body) is { } path ? ByPath.GetOrAdd(path, _ => property.Compile()) : property.Compile();

        private static string? PathOf(Expression body)
        {
            var path = "";
            while (body is MemberExpression member)
            {
                path = $"{member.Member.DeclaringType?.FullName}.{member.Member.Name}/{path}";
                body = member.Expression!;
            }

            return body is ParameterExpression && path.Length > 0 ? path : null;
        }
    }
}
