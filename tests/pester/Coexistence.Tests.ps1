# Living next to PSZoom: its Get-ZoomWebinar, Get-ZoomUser and Add-ZoomWebinarRegistrant share our names. Whichever
# module is imported last wins the short name; ZoomHubPS's cmdlets must keep working through the module-qualified
# name and a prefix, and nothing inside ZoomHubPS (views, completion, pipelines) may call the look-alikes.
# Each check runs in a runspace of its own, so the look-alike functions never leak into other test files.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifest = Get-ModuleManifestPath

    function Invoke-NextToPSZoom([scriptblock] $Check) {
        # PSZoom-style functions of the same names, defined after ZoomHubPS, as when PSZoom is imported last.
        $ps = [powershell]::Create()
        try {
            $null = $ps.AddScript({
                param($m)
                Import-Module $m
                Connect-ZoomHub -Sandbox
                foreach ($name in 'Get-ZoomWebinar', 'Get-ZoomUser', 'Add-ZoomWebinarRegistrant') {
                    Set-Item "function:global:$name" -Value ([scriptblock]::Create("param([Parameter(ValueFromRemainingArguments)] `$rest) throw 'PSZoom $name was called'"))
                }
            }).AddArgument($manifest).Invoke()
            $ps.Commands.Clear()
            $out = $ps.AddScript($Check).Invoke()
            $result = [pscustomobject] @{ Output = @($out); Errors = @($ps.Streams.Error) }
            $ps.Commands.Clear()
            $null = $ps.AddScript({ ZoomHubPS\Disconnect-ZoomHub }).Invoke()
            $result
        }
        finally { $ps.Dispose() }
    }
}

Describe 'Next to PSZoom-style functions of the same names' {
    It 'the short name goes to the function imported last (the problem the docs describe)' {
        $r = Invoke-NextToPSZoom { try { Get-ZoomWebinar -WebinarId 81234567890 } catch { "THREW: $_" }; @(Get-Command Get-ZoomWebinar -All).Count }
        $r.Output[0] | Should -Be 'THREW: PSZoom Get-ZoomWebinar was called'
        $r.Output[1] | Should -BeGreaterOrEqual 2
    }

    It 'the module-qualified names run ZoomHubPS''s cmdlets, in pipelines too' {
        $r = Invoke-NextToPSZoom {
            (ZoomHubPS\Get-ZoomWebinar -WebinarId 81234567890).Topic
            [bool] (ZoomHubPS\Get-ZoomUser | Select-Object -First 1).Email
            @(ZoomHubPS\Get-ZoomWebinar -WebinarId 81234567890 | ZoomHubPS\Get-ZoomWebinarInstance).Count
            (ZoomHubPS\Add-ZoomWebinarRegistrant -WebinarId 86789012345 -Email coexist@example.org -FirstName Co -WhatIf).Status.ToString()
        }
        $r.Errors | Should -BeNullOrEmpty
        $r.Output | Should -Be @('Quarterly product update', $true, 2, 'Registered')
    }

    It 'views and completion do not call the look-alikes' {
        $r = Invoke-NextToPSZoom {
            (ZoomHubPS\Get-ZoomWebinar -WebinarId 81234567890 | Out-String) -match 'Quarterly'
            $line = 'ZoomHubPS\Get-ZoomWebinarInstance -WebinarId 8123'
            (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText
        }
        $r.Errors | Should -BeNullOrEmpty
        $r.Output | Should -Be @($true, '81234567890')
    }

    It 'Import-Module -Prefix gives the cmdlets names of their own' {
        $result = Invoke-ChildPwsh -Script @"
function Get-ZoomWebinar { throw 'PSZoom' }
Import-Module '$manifest' -Prefix ZH
Connect-ZHZoomHub -Sandbox
'TOPIC: ' + (Get-ZHZoomWebinar -WebinarId 81234567890).Topic
'COUNT: ' + @(Get-ZHZoomWebinar -WebinarId 81234567890 | Get-ZHZoomWebinarInstance).Count
"@
        $result.Output | Should -Contain 'TOPIC: Quarterly product update'
        $result.Output | Should -Contain 'COUNT: 2'
    }
}
