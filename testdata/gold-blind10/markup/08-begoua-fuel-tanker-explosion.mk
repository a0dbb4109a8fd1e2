published 2026-04-12
E car LOC Central African Republic
E bangui LOC Bangui
E ubangi ORG Ubangi Press
E hm ORG Health Ministry
E begoua LOC Bégoua
E zanga PER Hervé Zanga
E kt ORG Kossi Transports
E kossi PER Jean-Baptiste Kossi
E moi ORG Interior Ministry
E yakite PER Narcisse Yakité
E douala LOC Douala
E cameroon LOC Cameroon
E gbadin PER Thérèse Gbadin
E hosp LOC Friendship Hospital
E minusca ORG MINUSCA
E un ORG UN
E nrso ORG National Road Safety Office
E wb ORG World Bank
E bambari LOC Bambari
V blast disaster | the main road north of Bangui | 2026-04-10 on | killed:at_least:52, injured:at_least:101, missing:exact:12
V arrest arrest | - | 2026-04-11 on | arrested:exact:3
V deny denial | - | 2026-04-12 on |
V mourn statement | - | 2026-04-11 on |
V visit meeting | - | 2026-04-10 after |
V warn warning | - | 2026-04-02 on |
V block protest | the road | 2026-04-11 on |
V wb report | - | 2025 during |
V old disaster | Bambari | 2023 during | killed:exact:11
T old | - | - | tanker fire in Bambari kills 11
T wb | cwb | - | World Bank report on unpaved roads
T warn | cwarn | - | road safety office warns of overloaded tankers
T blast | - | - | tanker overturns and explodes
T visit | - | - | prime minister visits the site
T arrest | - | - | owner of Kossi Transports and two managers arrested
T mourn | - | - | three days of national mourning announced
T block | - | - | residents block the road
T - | chm | 2026-04-12 on | Health Ministry raises toll to 52
T deny | cdeny | - | company denies overloading
T - | cgbadin | 2026-04-12 on | lawyer blames the state
---
Fuel tanker <blast>{blast} near [Bangui]{bangui} <kills>{blast} at least 52; [[transport firm]{kt.n}'s owner]{kossi.n} <held>{arrest}

[BANGUI]{bangui}, [Central African Republic]{car}, April 12 ([Ubangi Press]{ubangi}) - At least 52 people were <killed>{blast} and more than 100 <injured>{blast} when a fuel tanker <overturned>{blast} and <exploded>{blast} on the main road north of [Bangui]{bangui} early on Friday, as crowds gathered to collect leaking petrol, the [Health Ministry]{hm} <said>{@chm} on Sunday, raising [its]{hm.p} toll from 35.

A dozen people are still missing, and about 60 houses and market stalls in the suburb of [Bégoua]{begoua} were destroyed by the <fire>{blast}, residents said. Many of the victims were children who had come with jerrycans and buckets.

[A motorcycle taxi driver]{zanga.n} who was 200 metres away said [he]{zanga.p} saw the tanker tip onto its side after swerving to avoid a pothole. "Within ten minutes there were hundreds of people around it. Then it went up like a bomb," said [Hervé Zanga]{zanga}, whose left hand was burned. [He]{zanga.p} said [he]{zanga.p} had lost two cousins.

Police <arrested>{arrest} the owner of [Kossi Transports]{kt}, [Jean-Baptiste Kossi]{kossi}, and two of [the company]{kt.n}'s managers on Saturday, [Interior Ministry]{moi} spokesman [Narcisse Yakité]{yakite} said. The truck had been carrying 38,000 litres of petrol from [Douala]{douala} in [Cameroon]{cameroon}, nearly twice its licensed load, [he]{yakite.p} said.

[Kossi Transports]{kt} <denied>{deny@cdeny} on Sunday that the truck had been overloaded and blamed a road that "has not been repaired in ten years". [Kossi]{kossi}'s lawyer, [Thérèse Gbadin]{gbadin}, <said>{@cgbadin} [[her]{gbadin.p} client]{kossi.n} was "paying for the failures of the state".

The government <announced>{mourn} three days of national mourning on Saturday. The prime minister <visited>{visit} the site hours after the <blast>{blast} and promised free treatment for the injured.

The [Friendship Hospital]{hosp}, [the city]{bangui.n}'s main burns unit, ran out of dressings on Friday night, [its]{hosp.p} director said. Doctors from [MINUSCA]{minusca}, the [UN]{un} peacekeeping mission, flew in supplies on Saturday.

The [National Road Safety Office]{nrso} had <warned>{warn@cwarn} transport firms on April 2 that overloaded tankers on the northern road were "a disaster waiting to happen".

On Saturday, residents of [Bégoua]{begoua} <blocked>{block} the road with burning tyres for several hours, demanding that the government repair it. No one was hurt.

A [World Bank]{wb} <report>{wb} released last year <said>{@cwb} fewer than a fifth of [the country]{car.n}'s main roads were paved. In 2023, a tanker <fire>{old} in [Bambari]{bambari} <killed>{old} 11 people.
