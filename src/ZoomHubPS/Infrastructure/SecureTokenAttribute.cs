using System.Management.Automation;
using System.Security;

namespace ZoomHubPS.Infrastructure
{
    /// <summary>
    /// Lets a token parameter take what Azure Automation hands out: a PSCredential (its password is the token; the user
    /// name is not used) as well as a SecureString. A plain string is refused, so a token never sits in a script as text.
    /// </summary>
    internal sealed class SecureTokenAttribute : ArgumentTransformationAttribute
    {
        /// <inheritdoc />
        public override object Transform(EngineIntrinsics engineIntrinsics, object inputData)
        {
            object value = inputData is PSObject wrapped ? wrapped.BaseObject : inputData;
            switch (value)
            {
                case null: return null;
                case SecureString secure: return secure;
                case PSCredential credential: return credential.Password;
                case string _:
                    throw new ArgumentTransformationMetadataException("Pass the token as a SecureString (Read-Host -AsSecureString, or ConvertTo-SecureString) or as a PSCredential whose password is the token (Get-AutomationPSCredential), not as plain text.");
                default:
                    return inputData;
            }
        }
    }
}
