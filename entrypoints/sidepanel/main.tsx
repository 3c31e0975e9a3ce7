document.getElementById('app')!.textContent = 'sidepanel';
