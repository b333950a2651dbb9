namespace Xuncha.Screening; internal static class AssemblyMarker;
