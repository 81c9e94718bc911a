using System;
using System.Collections.Generic;
using System.Security.Cryptography;
using System.Text;

namespace ZoomHubPS.Sandbox.Zoom
{
    /// <summary>A recording file with the instance and webinar it belongs to.</summary>
    internal sealed class ZoomRecordingFileRef
    {
        internal ZoomRecordingFileRef(ZoomWebinar webinar, ZoomInstance instance, ZoomRecordingFile file)
        {
            Webinar = webinar;
            Instance = instance;
            File = file;
        }

        internal ZoomWebinar Webinar { get; }

        internal ZoomInstance Instance { get; }

        internal ZoomRecording Recording => Instance.Recording;

        internal ZoomRecordingFile File { get; }
    }

    /// <summary>
    /// What downloads need besides the recordings themselves: the files by their opaque URL keys, the
    /// <c>download_access_token</c>s the recordings endpoint issued (each for one instance, until its TTL runs out) and
    /// the signed file-host URLs downloads redirect to. Used under the twin's lock.
    /// </summary>
    internal sealed class ZoomRecordingStore
    {
        /// <summary>How long a redirect's signed file-host URL works (unconfirmed; short, like a CDN signature).</summary>
        internal static readonly TimeSpan SignedUrlLifetime = TimeSpan.FromMinutes(10);

        private readonly Dictionary<string, ZoomRecordingFileRef> _byDownloadKey = new Dictionary<string, ZoomRecordingFileRef>(StringComparer.Ordinal);
        private readonly Dictionary<string, ZoomRecordingFileRef> _byReplayKey = new Dictionary<string, ZoomRecordingFileRef>(StringComparer.Ordinal);
        private readonly Dictionary<string, Grant> _accessTokens = new Dictionary<string, Grant>(StringComparer.Ordinal);
        private readonly Dictionary<string, Grant> _signatures = new Dictionary<string, Grant>(StringComparer.Ordinal);

        /// <summary>Gives the file its URL keys (derived from its identity, so seeding draws nothing from the random source).</summary>
        internal void Add(ZoomWebinar webinar, ZoomInstance instance, ZoomRecordingFile file)
        {
            string identity = instance.Uuid + "\n" + (file.Id ?? file.FileType + "@" + file.RecordingStart.ToUnixTimeSeconds());
            file.DownloadKey = Key("download\n" + identity, 64);
            file.ReplayKey = Key("replay\n" + identity, 32);
            var reference = new ZoomRecordingFileRef(webinar, instance, file);
            _byDownloadKey[file.DownloadKey] = reference;
            _byReplayKey[file.ReplayKey] = reference;
        }

        internal ZoomRecordingFileRef ByDownloadKey(string key) => key != null && _byDownloadKey.TryGetValue(key, out ZoomRecordingFileRef r) ? r : null;

        internal ZoomRecordingFileRef ByReplayKey(string key) => key != null && _byReplayKey.TryGetValue(key, out ZoomRecordingFileRef r) ? r : null;

        /// <summary>A JWT-looking download token for one instance's files.</summary>
        internal string IssueAccessToken(string instanceUuid, DateTimeOffset expiresAt, SandboxContext context)
        {
            string token = "eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzUxMiJ9." + context.NewId(96) + "." + context.NewId(43);
            _accessTokens[token] = new Grant(instanceUuid, expiresAt);
            return token;
        }

        internal bool AccessTokenAllows(string token, string instanceUuid, DateTimeOffset now)
            => token != null && _accessTokens.TryGetValue(token, out Grant g) && g.Subject == instanceUuid && now < g.ExpiresAt;

        /// <summary>The <c>Signature</c> of a file-host URL for one file.</summary>
        internal string Sign(string replayKey, DateTimeOffset expiresAt, SandboxContext context)
        {
            string signature = context.NewId(43);
            _signatures[signature] = new Grant(replayKey, expiresAt);
            return signature;
        }

        internal bool SignatureAllows(string signature, string replayKey, DateTimeOffset now)
            => signature != null && _signatures.TryGetValue(signature, out Grant g) && g.Subject == replayKey && now < g.ExpiresAt;

        /// <summary>A GUID-shaped id derived from <paramref name="seed"/> (files the twin adds on its own, e.g. a pending transcript).</summary>
        internal static string DerivedGuid(string seed)
        {
            using (SHA256 sha = SHA256.Create())
            {
                byte[] hash = sha.ComputeHash(Encoding.UTF8.GetBytes(seed));
                var bytes = new byte[16];
                Array.Copy(hash, bytes, 16);
                return new Guid(bytes).ToString();
            }
        }

        // Base64url of a hash: opaque like Zoom's URL tokens, stable for the same scenario.
        private static string Key(string seed, int length)
        {
            using (SHA256 sha = SHA256.Create())
            {
                byte[] first = sha.ComputeHash(Encoding.UTF8.GetBytes(seed));
                byte[] second = sha.ComputeHash(first);
                var both = new byte[first.Length + second.Length];
                first.CopyTo(both, 0);
                second.CopyTo(both, first.Length);
                string text = Convert.ToBase64String(both).TrimEnd('=').Replace('+', '-').Replace('/', '_');
                return text.Length > length ? text.Substring(0, length) : text;
            }
        }

        private sealed class Grant
        {
            internal Grant(string subject, DateTimeOffset expiresAt)
            {
                Subject = subject;
                ExpiresAt = expiresAt;
            }

            internal string Subject { get; }

            internal DateTimeOffset ExpiresAt { get; }
        }
    }
}
