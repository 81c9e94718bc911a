using System.Text.Json;
using System.Text.Json.Serialization;

namespace ZoomHubPS.Core.Http
{
    /// <summary>Serializer settings shared by both clients (models name their JSON fields explicitly).</summary>
    internal static class Json
    {
        public static readonly JsonSerializerOptions Options = new JsonSerializerOptions
        {
            PropertyNameCaseInsensitive = true,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
            NumberHandling = JsonNumberHandling.AllowReadingFromString,
        };
    }
}
