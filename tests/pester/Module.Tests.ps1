BeforeDiscovery {
    # The per-cmdlet tests are generated from the module's cmdlets, so the module must be imported before Pester
    # discovers them (a -ForEach over Get-Command in discovery otherwise finds nothing and generates no test).
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    Import-Module (Get-ModuleManifestPath) -Force
    $cmdlets = (Get-Command -Module ZoomHubPS -CommandType Cmdlet).Name
    $writers = ((Get-Command -Module ZoomHubPS -CommandType Cmdlet) | Where-Object Verb -in 'Sync', 'Add', 'Initialize', 'Set', 'New', 'Remove').Name
}

BeforeAll {
    Import-Module (Join-Path $PSScriptRoot 'TestHelpers.psm1') -Force
    $manifestPath = Get-ModuleManifestPath
    $manifest = Import-PowerShellDataFile $manifestPath
    $module = Import-Module $manifestPath -PassThru -Force
}

Describe 'The module manifest' {
    It 'targets Core and Desktop from PowerShell 5.1' {
        $manifest.CompatiblePSEditions | Should -Be @('Core', 'Desktop')
        $manifest.PowerShellVersion | Should -Be '5.1'
        $manifest.RootModule | Should -Be 'ZoomHubPS.dll'
    }

    It 'lists its format file and exports explicit names only' {
        $manifest.FormatsToProcess | Should -Contain 'ZoomHubPS.format.ps1xml'
        foreach ($list in $manifest.CmdletsToExport, $manifest.AliasesToExport, $manifest.FunctionsToExport) {
            $list | Where-Object { $_ -match '[*?]' } | Should -BeNullOrEmpty
        }
        $manifest.Keys | Should -Not -Contain 'RequiredAssemblies'
        $manifest.Keys | Should -Not -Contain 'NestedModules'
    }

    It 'exports exactly the cmdlets the assembly defines' {
        $dll = Join-Path (Get-ModuleUnderTest) 'ZoomHubPS.dll'
        $assembly = [System.Reflection.Assembly]::LoadFrom($dll)
        $defined = $assembly.GetExportedTypes() |
            Where-Object { -not $_.IsAbstract -and $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false) } |
            ForEach-Object { $a = $_.GetCustomAttributes([System.Management.Automation.CmdletAttribute], $false)[0]; "$($a.VerbName)-$($a.NounName)" } |
            Sort-Object
        ($manifest.CmdletsToExport | Sort-Object) | Should -Be $defined
        (Get-Command -Module ZoomHubPS -CommandType Cmdlet).Name | Sort-Object | Should -Be $defined
    }

    It 'ships its dependencies in Dependencies/, not next to the cmdlet assembly' {
        $root = Get-ModuleUnderTest
        (Get-ChildItem $root -Filter *.dll).Name | Should -Be @('ZoomHubPS.dll')
        Test-Path (Join-Path $root 'Dependencies/ZoomHubPS.Core.dll') | Should -BeTrue
        Test-Path (Join-Path $root 'Dependencies/System.Text.Json.dll') | Should -BeTrue
        Test-Path (Join-Path $root 'Dependencies/Polly.Core.dll') | Should -BeTrue
    }
}

Describe 'Cmdlet conventions' {
    BeforeAll { $cmdlets = Get-Command -Module ZoomHubPS -CommandType Cmdlet }

    It '<_> declares an OutputType' -ForEach $cmdlets {
        (Get-Command $_).OutputType | Should -Not -BeNullOrEmpty
    }

    It '<_> uses an approved verb' -ForEach $cmdlets {
        (Get-Command $_).Verb | Should -BeIn (Get-Verb).Verb
    }

    It '<_> supports ShouldProcess when it writes' -ForEach $writers {
        (Get-Command $_).Parameters.ContainsKey('WhatIf') | Should -BeTrue
    }
}

Describe 'Help' {
    It '<_> has full help with a synopsis, a description and at least two examples' -ForEach $cmdlets {
        $help = Get-Help $_ -Full
        $help.Synopsis | Should -Not -BeNullOrEmpty
        # Without compiled help, Get-Help makes the synopsis from the syntax ("Verb-Noun [-Param] <type> ...").
        $help.Synopsis.Trim() | Should -Not -Match ('^' + [regex]::Escape($_) + '\s')
        $help.description | Should -Not -BeNullOrEmpty
        @($help.examples.example).Count | Should -BeGreaterOrEqual 2
    }

    It '<_> documents every parameter' -ForEach $cmdlets {
        $command = Get-Command $_
        $help = Get-Help $_ -Full
        $common = [System.Management.Automation.Cmdlet]::CommonParameters + [System.Management.Automation.Cmdlet]::OptionalCommonParameters
        foreach ($name in $command.Parameters.Keys | Where-Object { $_ -notin $common }) {
            $p = $help.parameters.parameter | Where-Object name -eq $name
            $p | Should -Not -BeNullOrEmpty -Because "-$name must be documented"
            ($p.description | Out-String).Trim() | Should -Not -BeNullOrEmpty -Because "-$name needs a description"
        }
    }

    It 'Get-Help Connect-ZoomHub -Full shows the examples' {
        $text = Get-Help Connect-ZoomHub -Full | Out-String
        $text | Should -Match 'Connect-ZoomHub -Sandbox -Scenario demo'
        $text | Should -Match 'SYNOPSIS'
    }

    It 'has a markdown source for every exported cmdlet and no orphan docs' {
        $docs = Join-Path $PSScriptRoot '../../docs'
        $names = (Get-Command -Module ZoomHubPS -CommandType Cmdlet).Name | Sort-Object
        # Verb-Noun.md are cmdlet docs; api-facts-additions.md and about_*.md are not.
        (Get-ChildItem $docs -Filter '*.md' | Where-Object BaseName -CMatch '^[A-Z][a-z]+-[A-Z][A-Za-z]+$').BaseName | Sort-Object | Should -Be $names
    }
}
