// Internal to Microsoft.ML.Data; the other model assemblies see it through InternalsVisibleTo,
// as the real ML.NET assemblies see each other's internals.
namespace Decay.ApiModels.MLNet
{
    internal static class ApiModel
    {
        /// <summary>What every member body of the model throws: the model only has to compile
        /// against; to run ML.NET, build with the real packages (-p:UseMLNetPackages=true).</summary>
        public static System.NotSupportedException SignaturesOnly()
            => new System.NotSupportedException(
                "Decay's ML.NET API model has signatures only. Reference the real Microsoft.ML packages to run this code.");
    }
}
