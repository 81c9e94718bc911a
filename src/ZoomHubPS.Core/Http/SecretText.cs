using System;
using System.Runtime.InteropServices;
using System.Security;

namespace ZoomHubPS.Core.Http
{
    /// <summary>Reads a SecureString only at the moment a request needs it.</summary>
    internal static class SecretText
    {
        public static string Read(SecureString secret)
        {
            if (secret == null)
            {
                return null;
            }

            IntPtr ptr = IntPtr.Zero;
            try
            {
                ptr = Marshal.SecureStringToGlobalAllocUnicode(secret);
                return Marshal.PtrToStringUni(ptr);
            }
            finally
            {
                if (ptr != IntPtr.Zero)
                {
                    Marshal.ZeroFreeGlobalAllocUnicode(ptr);
                }
            }
        }
    }
}
