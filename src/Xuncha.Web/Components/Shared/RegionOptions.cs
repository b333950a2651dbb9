using AntDesign;
using Xuncha.Core.Features.Regions;

namespace Xuncha.Web.Components.Shared;

/// <summary>The user's part of the region tree as Cascader options (county → township), for every region picker.</summary>
public static class RegionOptions
{
    public static List<CascaderNode> From(TreeNode? root) => root is null ? [] : [Node(root)];

    private static CascaderNode Node(TreeNode n) => new()
    {
        Value = n.Code,
        Label = n.Name,
        Children = n.Children.Count == 0 ? null! : n.Children.Select(Node).ToList(),
    };
}
