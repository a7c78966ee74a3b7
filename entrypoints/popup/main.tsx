import { render } from 'preact';
render(<p>Recoupe</p>, document.getElementById('app')!);
