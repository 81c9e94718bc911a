# Living next to PSZoom: its Get-ZoomWebinar, Get-ZoomUser and Add-ZoomWebinarRegistrant share our names. Whichever
# module is imported last wins the short name; ZoomHubPS's cmdlets must keep working through the module-qualified
# name and a prefix, and nothing inside ZoomHubPS (views, completion, pipelines) may call the look-alikes.
BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    Connect-ZoomHub -Sandbox
    # PSZoom-style functions of the same names, defined after ZoomHubPS, as when PSZoom is imported last.
    foreach ($name in 'Get-ZoomWebinar', 'Get-ZoomUser', 'Add-ZoomWebinarRegistrant') {
        Set-Item "function:global:$name" -Value ([scriptblock]::Create("param([Parameter(ValueFromRemainingArguments)] `$rest) throw 'PSZoom $name was called'"))
    }
}

AfterAll {
    foreach ($name in 'Get-ZoomWebinar', 'Get-ZoomUser', 'Add-ZoomWebinarRegistrant') { Remove-Item "function:global:$name" -ErrorAction SilentlyContinue }
    Disconnect-ZoomHub -ErrorAction SilentlyContinue
}

Describe 'Next to PSZoom-style functions of the same names' {
    It 'the short name goes to the function imported last (the problem the docs describe)' {
        { Get-ZoomWebinar -WebinarId 81234567890 } | Should -Throw 'PSZoom Get-ZoomWebinar was called'
        @(Get-Command Get-ZoomWebinar -All).Count | Should -BeGreaterOrEqual 2
    }

    It 'the module-qualified names run ZoomHubPS''s cmdlets, in pipelines too' {
        (ZoomHubPS\Get-ZoomWebinar -WebinarId 81234567890).Topic | Should -Be 'Quarterly product update'
        (ZoomHubPS\Get-ZoomUser | Select-Object -First 1).Email | Should -Not -BeNullOrEmpty
        $instances = ZoomHubPS\Get-ZoomWebinar -WebinarId 81234567890 | ZoomHubPS\Get-ZoomWebinarInstance
        $instances.Count | Should -Be 2
        $r = ZoomHubPS\Add-ZoomWebinarRegistrant -WebinarId 86789012345 -Email coexist@example.org -FirstName Co -WhatIf 6>$null
        $r.Status.ToString() | Should -Be 'Registered'
    }

    It 'views and completion do not call the look-alikes' {
        { ZoomHubPS\Get-ZoomWebinar -WebinarId 81234567890 | Out-String } | Should -Not -Throw
        $line = 'ZoomHubPS\Get-ZoomWebinarInstance -WebinarId 8123'
        (TabExpansion2 -inputScript $line -cursorColumn $line.Length).CompletionMatches.CompletionText | Should -Be '81234567890'
    }

    It 'Import-Module -Prefix gives the cmdlets names of their own' {
        $result = Invoke-ChildPwsh -Script @"
function Get-ZoomWebinar { throw 'PSZoom' }
Import-Module '$(Get-ModuleManifestPath)' -Prefix ZH
Connect-ZHZoomHub -Sandbox
'TOPIC: ' + (Get-ZHZoomWebinar -WebinarId 81234567890).Topic
'COUNT: ' + @(Get-ZHZoomWebinar -WebinarId 81234567890 | Get-ZHZoomWebinarInstance).Count
"@
        $result.Output | Should -Contain 'TOPIC: Quarterly product update'
        $result.Output | Should -Contain 'COUNT: 2'
    }
}
