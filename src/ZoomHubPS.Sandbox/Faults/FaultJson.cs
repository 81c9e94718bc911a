using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using ZoomHubPS.Sandbox.Http;

namespace ZoomHubPS.Sandbox.Faults
{
    /// <summary>
    /// Reads the fault JSON of <c>Start-ZoomHubSandbox -Fault</c> strictly: an unknown key, a value of the wrong shape or
    /// a key that does not fit the rule's kind is an error naming the key path and what is expected, because a fault
    /// that is silently ignored makes a resilience test pass for the wrong reason.
    /// </summary>
    internal static class FaultJson
    {
        private static readonly string[] TopKeys =
            { "latencyMs", "jitterMs", "failAfterWrites", "failAfterWritesStatus", "expireTokensAfterZoomCalls", "expireTokensAt", "rules" };

        private static readonly string[] RuleKeys =
            { "route", "pattern", "kind", "status", "retryAfterSeconds", "reply", "latencyMs", "jitterMs", "times", "every", "nth", "probability", "writesOnly", "afterWrites" };

        private const string Kinds = "none, tooManyRequests (or 429), serverError (or 5xx, 500, 502, 503, 504), reset, timeout or lostReply";
        private const string Replies = "reset, timeout, 502 (badGateway) or 504 (gatewayTimeout)";

        internal static FaultOptions Read(string json)
        {
            if (string.IsNullOrWhiteSpace(json)) throw new FaultJsonException("$", "The fault JSON is empty; expected an object such as {\"rules\":[{\"route\":\"HubSpot\",\"kind\":\"reset\",\"times\":1}]}.");
            JsonNode root;
            try
            {
                root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
            }
            catch (JsonException ex)
            {
                string where = "line " + ((ex.LineNumber ?? 0) + 1).ToString(CultureInfo.InvariantCulture) + ", position " + ((ex.BytePositionInLine ?? 0) + 1).ToString(CultureInfo.InvariantCulture);
                throw new FaultJsonException("$", "The fault JSON is not valid JSON (" + where + "): " + JsonDescription.SyntaxReason(ex), ex);
            }

            JsonObject top = root as JsonObject ?? throw Shape("$", "an object such as {\"latencyMs\":80,\"rules\":[…]}", root);
            CheckKeys(top, "$", TopKeys, "the fault JSON");
            var options = new FaultOptions();
            int? latency = Whole(top, "latencyMs", "$", 0), jitter = Whole(top, "jitterMs", "$", 0);
            if (latency != null || jitter != null) options.Latency(TimeSpan.FromMilliseconds(latency ?? 0), TimeSpan.FromMilliseconds(jitter ?? 0));
            ReadFailAfterWrites(top, options);
            if (Whole(top, "expireTokensAfterZoomCalls", "$", 0) is int calls) options.ExpireTokensAfter(calls);
            if (Text(top, "expireTokensAt", "$") is string at)
            {
                if (!DateTimeOffset.TryParse(at, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out DateTimeOffset when))
                {
                    throw new FaultJsonException("$.expireTokensAt", "$.expireTokensAt must be an ISO 8601 time such as \"2025-06-10T17:00:00Z\"; it is \"" + at + "\".");
                }

                options.ExpireTokensAt(when);
            }

            if (top.TryGetPropertyValue("rules", out JsonNode rules))
            {
                JsonArray list = rules as JsonArray ?? throw Shape("$.rules", "a list of rule objects, e.g. [{\"route\":\"HubSpot\",\"kind\":\"reset\",\"times\":1}]", rules);
                for (int i = 0; i < list.Count; i++)
                {
                    options.Add(ReadRule(list[i], "$.rules[" + i.ToString(CultureInfo.InvariantCulture) + "]"));
                }
            }

            return options;
        }

        private static void ReadFailAfterWrites(JsonObject top, FaultOptions options)
        {
            int? count = Whole(top, "failAfterWrites", "$", 0);
            int? status = Whole(top, "failAfterWritesStatus", "$", 0);
            if (status is int s && s != 0 && !FaultResponses.IsServerErrorStatus(s))
            {
                throw new FaultJsonException("$.failAfterWritesStatus", "$.failAfterWritesStatus must be 500, 502, 503, 504 or 0 (drop the connection); it is " + s + ".");
            }

            if (status != null && count == null)
            {
                throw new FaultJsonException("$.failAfterWritesStatus", "$.failAfterWritesStatus needs $.failAfterWrites (how many writes succeed first).");
            }

            if (count is int n) options.FailAfterWrites(n, status ?? 503);
        }

        private static FaultRule ReadRule(JsonNode node, string path)
        {
            JsonObject rule = node as JsonObject ?? throw Shape(path, "a rule object such as {\"route\":\"HubSpot\",\"kind\":\"reset\",\"times\":1}", node);
            CheckKeys(rule, path, RuleKeys, "a rule");
            string route = Text(rule, "route", path), pattern = Text(rule, "pattern", path);
            if (route != null && pattern != null) throw new FaultJsonException(path + ".pattern", path + " has both route and pattern; they are the same key, use one.");
            FaultRule f = FaultRule.For(route ?? pattern ?? "*");
            int? latency = Whole(rule, "latencyMs", path, 0), jitter = Whole(rule, "jitterMs", path, 0);
            if (latency != null || jitter != null) f.Latency(TimeSpan.FromMilliseconds(latency ?? 0), TimeSpan.FromMilliseconds(jitter ?? 0));
            ReadKind(rule, path, f);
            ReadHowOften(rule, path, f);
            if (Flag(rule, "writesOnly", path) == true) f.OnlyWrites();
            if (Whole(rule, "afterWrites", path, 0) is int after) f.AfterWrites(after);
            return f;
        }

        private static void ReadKind(JsonObject rule, string path, FaultRule f)
        {
            string kind = (Text(rule, "kind", path) ?? "none").ToLowerInvariant();
            switch (kind)
            {
                case "toomanyrequests": case "429": f.TooManyRequests(TimeSpan.FromSeconds(Number(rule, "retryAfterSeconds", path, 0, double.MaxValue) ?? 1)); break;
                case "servererror": case "5xx": f.ServerError(ServerStatus(rule, path, Whole(rule, "status", path, 0) ?? 503)); break;
                case "500": case "502": case "503": case "504": f.ServerError(ServerStatus(rule, path, int.Parse(kind, CultureInfo.InvariantCulture))); break;
                case "reset": case "connectionreset": f.ConnectionReset(); break;
                case "timeout": f.Timeout(); break;
                case "lostreply": f.LoseReply(Reply(rule, path)); break;
                case "none": break;
                default: throw new FaultJsonException(path + ".kind", path + ".kind is \"" + kind + "\"; use " + Kinds + ".");
            }

            OnlyFor(rule, path, "status", f.Kind == FaultKind.ServerError, "serverError");
            OnlyFor(rule, path, "retryAfterSeconds", f.Kind == FaultKind.TooManyRequests, "tooManyRequests");
            OnlyFor(rule, path, "reply", f.Kind == FaultKind.LostReply, "lostReply");
        }

        private static int ServerStatus(JsonObject rule, string path, int status)
        {
            int? named = Whole(rule, "status", path, 0);
            if (!FaultResponses.IsServerErrorStatus(status) || (named != null && named != status))
            {
                throw new FaultJsonException(path + ".status", path + ".status must be 500, 502, 503 or 504 (and agree with the kind); it is " + (named ?? status) + ".");
            }

            return status;
        }

        private static LostReplyKind Reply(JsonObject rule, string path)
        {
            if (!rule.TryGetPropertyValue("reply", out JsonNode node)) return LostReplyKind.Reset;
            string text = node is JsonValue v && v.TryGetValue(out double d) ? d.ToString(CultureInfo.InvariantCulture) : Text(rule, "reply", path);
            switch (text.ToLowerInvariant())
            {
                case "reset": return LostReplyKind.Reset;
                case "timeout": return LostReplyKind.Timeout;
                case "502": case "badgateway": return LostReplyKind.BadGateway;
                case "504": case "gatewaytimeout": return LostReplyKind.GatewayTimeout;
                default: throw new FaultJsonException(path + ".reply", path + ".reply is \"" + text + "\"; use " + Replies + ".");
            }
        }

        private static void ReadHowOften(JsonObject rule, string path, FaultRule f)
        {
            int? times = Whole(rule, "times", path, 0), every = Whole(rule, "every", path, 1), nth = Whole(rule, "nth", path, 1);
            if (nth != null && (times != null || every != null))
            {
                throw new FaultJsonException(path + ".nth", path + ".nth means \"only the n-th matching request\" and cannot be combined with times or every.");
            }

            if (nth is int n) f.Nth(n);
            if (times is int t) f.Times(t);
            if (every is int k) f.Every(k);
            if (Number(rule, "probability", path, 0, 1) is double p) f.WithProbability(p);
        }

        private static void OnlyFor(JsonObject rule, string path, string key, bool fits, string kind)
        {
            if (rule.ContainsKey(key) && !fits)
            {
                throw new FaultJsonException(path + "." + key, path + "." + key + " applies only to kind " + kind + "; this rule's kind is " + (Text(rule, "kind", path) ?? "none") + ".");
            }
        }

        private static void CheckKeys(JsonObject obj, string path, string[] known, string what)
        {
            foreach (KeyValuePair<string, JsonNode> pair in obj)
            {
                if (known.Contains(pair.Key, StringComparer.Ordinal)) continue;
                string near = known.FirstOrDefault(k => string.Equals(k, pair.Key, StringComparison.OrdinalIgnoreCase));
                string hint = near == null ? string.Empty : " (keys are case-sensitive: did you mean '" + near + "'?)";
                throw new FaultJsonException(path + "." + pair.Key, path + " has an unknown key '" + pair.Key + "'" + hint + "; the keys of " + what + " are " + string.Join(", ", known) + ".");
            }
        }

        private static string Text(JsonObject obj, string key, string path)
        {
            if (!obj.TryGetPropertyValue(key, out JsonNode node)) return null;
            return node is JsonValue v && v.TryGetValue(out string s) ? s : throw Shape(path + "." + key, "a string", node);
        }

        private static bool? Flag(JsonObject obj, string key, string path)
        {
            if (!obj.TryGetPropertyValue(key, out JsonNode node)) return null;
            return node is JsonValue v && v.TryGetValue(out bool b) ? b : throw Shape(path + "." + key, "true or false", node);
        }

        private static double? Number(JsonObject obj, string key, string path, double min, double max)
        {
            if (!obj.TryGetPropertyValue(key, out JsonNode node)) return null;
            if (node is JsonValue v && v.TryGetValue(out double d) && d >= min && d <= max) return d;
            string range = max == double.MaxValue ? "a number of at least " + min.ToString(CultureInfo.InvariantCulture) : "a number from " + min.ToString(CultureInfo.InvariantCulture) + " to " + max.ToString(CultureInfo.InvariantCulture);
            throw Shape(path + "." + key, range, node);
        }

        private static int? Whole(JsonObject obj, string key, string path, int min)
        {
            if (!obj.TryGetPropertyValue(key, out JsonNode node)) return null;
            if (node is JsonValue v && v.TryGetValue(out double d) && d >= min && d <= int.MaxValue && Math.Floor(d) == d) return (int)d;
            throw Shape(path + "." + key, "a whole number of at least " + min.ToString(CultureInfo.InvariantCulture), node);
        }

        private static FaultJsonException Shape(string path, string expected, JsonNode actual)
            => new FaultJsonException(path, path + " must be " + expected + "; it is " + JsonDescription.Of(actual) + ".");
    }
}
