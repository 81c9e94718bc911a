# Proves the module's dependencies load in its own AssemblyLoadContext, side by side with older copies of the same
# assemblies that another module (Az, Microsoft.Graph…) loaded first. Runs in a child pwsh: the pre-loads must happen
# before ZoomHubPS is imported, in a process that has not seen ZoomHubPS yet.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $nuget = Get-NuGetPackageRoot
    $preload = @(
        'microsoft.extensions.primitives/8.0.0/lib/net8.0/Microsoft.Extensions.Primitives.dll'
        'microsoft.extensions.dependencyinjection.abstractions/8.0.0/lib/net8.0/Microsoft.Extensions.DependencyInjection.Abstractions.dll'
        'microsoft.extensions.logging.abstractions/8.0.0/lib/net8.0/Microsoft.Extensions.Logging.Abstractions.dll'
        'microsoft.extensions.options/8.0.0/lib/net8.0/Microsoft.Extensions.Options.dll'
        'microsoft.extensions.http/8.0.0/lib/net8.0/Microsoft.Extensions.Http.dll'
        'polly.core/8.4.2/lib/net8.0/Polly.Core.dll'
    ) | ForEach-Object { Join-Path $nuget $_ }
}

Describe 'Assembly isolation' {
    It 'has the older copies available to pre-load' {
        foreach ($path in $preload) { Test-Path $path | Should -BeTrue -Because "$path is restored by tools/pester/pester.proj" }
    }

    It 'imports and works after older Polly, Microsoft.Extensions.* and System.Text.Json were loaded by someone else' {
        $paths = ($preload | ForEach-Object { "'$_'" }) -join ','
        $manifest = Get-ModuleManifestPath
        $result = Invoke-ChildPwsh -Script @"
`$ErrorActionPreference = 'Stop'
foreach (`$p in @($paths)) { Add-Type -Path `$p }
# System.Text.Json: the runtime's own (10.x) is loaded into the default context by using it.
[void] [System.Text.Json.JsonDocument]::Parse('{}')
Import-Module '$manifest'
Connect-ZoomHub -Sandbox -Scenario demo
`$c = Get-ZoomHubConnection
"CONNECTED=`$(`$c.Info.IsSandbox)"
foreach (`$a in [AppDomain]::CurrentDomain.GetAssemblies()) {
    `$n = `$a.GetName()
    if (`$n.Name -match '^(Polly\.Core|System\.Text\.Json|Microsoft\.Extensions\.(Http|Primitives|Options|Logging\.Abstractions|DependencyInjection\.Abstractions)|ZoomHubPS\.Core|ZoomHubPS)$') {
        "ASM=`$(`$n.Name)|`$(`$n.Version)|`$([System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext(`$a).Name)|`$([System.Diagnostics.FileVersionInfo]::GetVersionInfo(`$a.Location).FileVersion)"
    }
}
"@
        $result.ExitCode | Should -Be 0 -Because ($result.Output -join "`n")
        $result.Output | Should -Contain 'CONNECTED=True'
        $loaded = $result.Output | Where-Object { $_ -like 'ASM=*' } | ForEach-Object {
            $name, $version, $context, $fileVersion = $_.Substring(4) -split '\|'
            [pscustomobject] @{ Name = $name; Version = [version] $version; Context = $context; FileVersion = [version] $fileVersion }
        }
        # Theirs stay in the default context…
        $loaded | Where-Object { $_.Name -eq 'Polly.Core' -and $_.Context -eq 'Default' } | Should -Not -BeNullOrEmpty
        ($loaded | Where-Object { $_.Name -eq 'Polly.Core' -and $_.Context -eq 'Default' }).Version.Major | Should -Be 8
        ($loaded | Where-Object { $_.Name -eq 'System.Text.Json' -and $_.Context -eq 'Default' }).Version.Major | Should -Be 10
        # …ours load into our own context, at our versions.
        $ours = $loaded | Where-Object Context -eq 'ZoomHubPS'
        ($ours | Where-Object Name -eq 'ZoomHubPS.Core') | Should -Not -BeNullOrEmpty
        ($ours | Where-Object Name -eq 'System.Text.Json').Version.Major | Should -Be 11
        # Every Polly 8.x has assembly version 8.0.0.0: the file version tells theirs (8.4.2) from ours.
        ($loaded | Where-Object { $_.Name -eq 'Polly.Core' -and $_.Context -eq 'Default' }).FileVersion | Should -BeLessThan ([version] '8.5')
        ($ours | Where-Object Name -eq 'Polly.Core').FileVersion | Should -BeGreaterThan ([version] '8.9')
        ($ours | Where-Object Name -eq 'Microsoft.Extensions.Http').Version.Major | Should -Be 11
        ($loaded | Where-Object Name -eq 'ZoomHubPS').Context | Should -Be 'Default'
    }
}
